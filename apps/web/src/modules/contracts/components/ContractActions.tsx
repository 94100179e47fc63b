import {
  CheckCircleOutlined,
  DiffOutlined,
  EditOutlined,
  FilePdfOutlined,
  ShoppingCartOutlined,
  SignatureOutlined,
  SolutionOutlined,
  StopOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { UserSelect } from '../../../components/UserSelect';
import { useContractCommand } from '../api';
import { CONTRACT_EDIT, CONTRACT_PRICES, CONTRACT_SIGN } from '../constants';
import type { ContractDetail } from '../types';
import { AmendModal } from './AmendModal';
import { OrderFromContractModal } from './OrderFromContractModal';
import { SignModal } from './SignModal';

type Dialog = 'sign' | 'amend' | 'terminate' | 'dispute' | 'order' | null;

/** The buttons the contract's state allows (core state table, sent by the server as `actions`). */
export function ContractActions({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const cmd = useContractCommand(c.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [terminateForm] = Form.useForm<{ reason: string }>();
  const [disputeForm] = Form.useForm<{ title: string; description: string; handlerId: number }>();
  const can = (a: string, perm = CONTRACT_EDIT) => c.actions.includes(a as never) && hasPermission(perm);
  // Editing and amending set the prices: not offered to a user who sees them masked (the server refuses).
  const canSetPrices = (a: string) => can(a) && hasPermission(CONTRACT_PRICES);

  const run = (action: string, body: object, done: string, after?: () => void) =>
    cmd.mutate(
      { action, body },
      {
        onSuccess: () => {
          message.success(t(done));
          after?.();
        },
        onError: (e) => handleError(e),
      },
    );

  return (
    <Space wrap>
      <Button icon={<FilePdfOutlined />} href={`/api/contracts/${c.id}/pdf`} target="_blank" data-testid="contract-pdf">
        {t('contract.pdf')}
      </Button>
      {canSetPrices('edit') ? (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/contracts/${c.id}/edit`)} data-testid="contract-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {can('submit') ? (
        <Button
          type="primary"
          icon={<SolutionOutlined />}
          loading={cmd.isPending}
          onClick={() =>
            modal.confirm({
              title: t('contract.confirm.submit'),
              onOk: () => run('submit', { version: c.version }, 'contract.done.submit'),
            })
          }
          data-testid="contract-submit"
        >
          {t('contract.action.submit')}
        </Button>
      ) : null}
      {can('sign', CONTRACT_SIGN) ? (
        <Button
          type="primary"
          icon={<SignatureOutlined />}
          onClick={() => setDialog('sign')}
          data-testid="contract-sign"
        >
          {t('contract.action.sign')}
        </Button>
      ) : null}
      {can('order', 'order.create') ? (
        <Button
          type="primary"
          icon={<ShoppingCartOutlined />}
          onClick={() => setDialog('order')}
          data-testid="contract-order"
        >
          {t('contract.action.order')}
        </Button>
      ) : null}
      {canSetPrices('amend') ? (
        <Button icon={<DiffOutlined />} onClick={() => setDialog('amend')} data-testid="contract-amend">
          {t('contract.action.amend')}
        </Button>
      ) : null}
      {can('amend') ? (
        <Button icon={<WarningOutlined />} onClick={() => setDialog('dispute')} data-testid="contract-dispute">
          {t('contract.action.dispute')}
        </Button>
      ) : null}
      {can('complete') ? (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('contract.confirm.complete'),
              onOk: () => run('complete', { version: c.version }, 'contract.done.complete'),
            })
          }
          data-testid="contract-complete"
        >
          {t('contract.action.complete')}
        </Button>
      ) : null}
      {can('terminate') ? (
        <Button danger icon={<StopOutlined />} onClick={() => setDialog('terminate')} data-testid="contract-terminate">
          {t('contract.action.terminate')}
        </Button>
      ) : null}
      <SignModal contract={c} open={dialog === 'sign'} onClose={() => setDialog(null)} />
      <AmendModal contract={c} open={dialog === 'amend'} onClose={() => setDialog(null)} />
      <OrderFromContractModal contract={c} open={dialog === 'order'} onClose={() => setDialog(null)} />
      <Modal
        open={dialog === 'terminate'}
        title={t('contract.action.terminate')}
        onCancel={() => setDialog(null)}
        onOk={() => terminateForm.submit()}
        confirmLoading={cmd.isPending}
        destroyOnHidden
      >
        <Form
          form={terminateForm}
          layout="vertical"
          onFinish={(v) =>
            run('terminate', { version: c.version, reason: v.reason.trim() }, 'contract.done.terminate', () =>
              setDialog(null),
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('contract.terminateReason')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="contract-terminate-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'dispute'}
        title={t('contract.action.dispute')}
        onCancel={() => setDialog(null)}
        onOk={() => disputeForm.submit()}
        confirmLoading={cmd.isPending}
        destroyOnHidden
      >
        <Form
          form={disputeForm}
          layout="vertical"
          onFinish={(v) =>
            run(
              'disputes',
              { ...v, title: v.title.trim(), description: v.description.trim() },
              'contract.done.dispute',
              () => setDialog(null),
            )
          }
        >
          <Form.Item
            name="title"
            label={t('fields.dispute.title')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={200} data-testid="contract-dispute-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('fields.dispute.description')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="handlerId"
            label={t('fields.dispute.handlerName')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UserSelect />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
