import {
  CheckOutlined,
  CloseOutlined,
  CopyOutlined,
  EditOutlined,
  FilePdfOutlined,
  SendOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { type QuoteCommand, useQuoteCommand } from '../api';
import { CONTRACT_CREATE, isExpired, ORDER_CREATE, QUOTE_EDIT } from '../constants';
import type { QuoteDetail } from '../types';

/** The buttons the quote's state allows (core state table, sent by the server as `actions`). */
export function QuoteActions({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const cmd = useQuoteCommand(quote.id);
  const [respond, setRespond] = useState<'accepted' | 'rejected' | null>(null);
  const [converting, setConverting] = useState(false);
  const [note, setNote] = useState('');
  const [convertForm] = Form.useForm<{ target: 'order' | 'contract'; requestedDate?: Dayjs | null }>();
  const can = (a: string) => quote.actions.includes(a as never) && hasPermission(QUOTE_EDIT);

  const run = (
    c: QuoteCommand,
    done: string,
    after?: (r: { id: number; orderId?: number | null; contractId?: number | null }) => void,
  ) =>
    cmd.mutate(c, {
      onSuccess: (r) => {
        message.success(t(done));
        after?.(r);
      },
      onError: (e) => handleError(e),
    });

  const confirm = (title: string, c: QuoteCommand, done: string, after?: Parameters<typeof run>[2]) =>
    modal.confirm({ title, onOk: () => run(c, done, after) });

  return (
    <Space wrap>
      <Button icon={<FilePdfOutlined />} href={`/api/quotes/${quote.id}/pdf`} target="_blank" data-testid="quote-pdf">
        {t('quote.pdf')}
      </Button>
      {can('edit') ? (
        <Button icon={<EditOutlined />} onClick={() => navigate(`/quotes/${quote.id}/edit`)} data-testid="quote-edit">
          {t('common.edit')}
        </Button>
      ) : null}
      {can('submit') ? (
        <Button
          type="primary"
          icon={<SolutionOutlined />}
          loading={cmd.isPending}
          onClick={() =>
            confirm(t('quote.confirm.submit'), { action: 'submit', version: quote.version }, 'quote.done.submit')
          }
          data-testid="quote-submit"
        >
          {t('quote.action.submit')}
        </Button>
      ) : null}
      {can('send') ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={cmd.isPending}
          onClick={() =>
            confirm(t('quote.confirm.send'), { action: 'send', version: quote.version }, 'quote.done.send')
          }
          data-testid="quote-send"
        >
          {t('quote.action.send')}
        </Button>
      ) : null}
      {can('accept') ? (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setRespond('accepted')}
          data-testid="quote-accept"
        >
          {t('quote.action.accept')}
        </Button>
      ) : null}
      {can('reject') ? (
        <Button danger icon={<CloseOutlined />} onClick={() => setRespond('rejected')} data-testid="quote-reject">
          {t('quote.action.reject')}
        </Button>
      ) : null}
      {can('convert') && !isExpired(quote) && (hasPermission(ORDER_CREATE) || hasPermission(CONTRACT_CREATE)) ? (
        <Button
          type="primary"
          icon={<ShoppingCartOutlined />}
          onClick={() => setConverting(true)}
          data-testid="quote-convert"
        >
          {t('quote.action.convert')}
        </Button>
      ) : null}
      {can('revise') ? (
        <Button
          icon={<CopyOutlined />}
          loading={cmd.isPending}
          onClick={() =>
            confirm(t('quote.confirm.revise'), { action: 'revise', version: quote.version }, 'quote.done.revise', (r) =>
              navigate(`/quotes/${r.id}/edit`),
            )
          }
          data-testid="quote-revise"
        >
          {t('quote.action.revise')}
        </Button>
      ) : null}
      <Modal
        open={respond !== null}
        title={respond === 'accepted' ? t('quote.action.accept') : t('quote.action.reject')}
        confirmLoading={cmd.isPending}
        onCancel={() => setRespond(null)}
        onOk={() =>
          respond &&
          run(
            { action: 'respond', version: quote.version, response: respond, note: note.trim() || null },
            'quote.done.respond',
            () => {
              setRespond(null);
              setNote('');
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('quote.responseNote')}
          data-testid="quote-response-note"
        />
      </Modal>
      <Modal
        open={converting}
        title={t('quote.action.convert')}
        confirmLoading={cmd.isPending}
        onCancel={() => setConverting(false)}
        onOk={() => convertForm.submit()}
        destroyOnHidden
      >
        <Form
          form={convertForm}
          layout="vertical"
          initialValues={{ target: hasPermission(ORDER_CREATE) ? 'order' : 'contract' }}
          onFinish={(v) =>
            run(
              {
                action: 'convert',
                version: quote.version,
                target: v.target,
                requestedDate: v.requestedDate ? v.requestedDate.format('YYYY-MM-DD') : undefined,
              },
              'quote.done.convert',
              (r) => {
                setConverting(false);
                if (r.orderId) navigate(`/orders/${r.orderId}`);
                else if (r.contractId) navigate(`/contracts/${r.contractId}`);
              },
            )
          }
        >
          <Form.Item name="target" label={t('quote.convertTarget')}>
            <Radio.Group
              options={[
                { value: 'order', label: t('quote.target.order'), disabled: !hasPermission(ORDER_CREATE) },
                { value: 'contract', label: t('quote.target.contract'), disabled: !hasPermission(CONTRACT_CREATE) },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              convertForm.getFieldValue('target') === 'order' ? (
                <Form.Item name="requestedDate" label={t('quote.requestedDate')} extra={t('quote.requestedDateHint')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
