import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { useSaveProposal } from '../api';
import type { Proposal, ProposalInput } from '../types';

export interface ProposalModalProps {
  opportunityId: number;
  /** null = closed, 'new' = create, Proposal = edit. */
  target: Proposal | 'new' | null;
  onClose: () => void;
}

interface ProposalFormValues {
  title: string;
  items: string;
  price: string;
  deliveryTerm?: string | null;
  sentOn?: Dayjs | null;
  remark?: string | null;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function ProposalModal({ opportunityId, target, onClose }: ProposalModalProps) {
  const session = useModalSession(target);
  return (
    <ProposalModalBody
      key={session.key}
      opportunityId={opportunityId}
      target={session.shown}
      open={target !== null}
      onClose={onClose}
    />
  );
}

function ProposalModalBody({ opportunityId, target, open, onClose }: ProposalModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalFormValues>();
  const save = useSaveProposal(opportunityId);
  const handleError = useApiErrorHandler();
  const editing = target && target !== 'new' ? target : null;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: ProposalInput = {
      title: v.title.trim(),
      items: v.items.trim(),
      price: normalizeMoney(v.price) ?? '0.00',
      deliveryTerm: blankToNull(v.deliveryTerm),
      sentOn: v.sentOn ? v.sentOn.format('YYYY-MM-DD') : null,
      remark: blankToNull(v.remark),
    };
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  const label = (f: string) => t(`opportunity.proposal.fields.${f}`);
  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('opportunity.proposal.editTitle') : t('opportunity.proposal.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('proposal-submit')}
      width={640}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="proposal-form"
        initialValues={
          editing ? { ...editing, sentOn: editing.sentOn ? dayjs(editing.sentOn) : null } : { sentOn: null }
        }
      >
        <Form.Item name="title" label={label('title')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={100} data-testid="proposal-title" />
        </Form.Item>
        <Form.Item name="items" label={label('items')} rules={[{ ...required, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="proposal-items" />
        </Form.Item>
        <Form.Item name="price" label={label('price')} rules={[required]}>
          <MoneyInput testId="proposal-price" />
        </Form.Item>
        <Form.Item name="deliveryTerm" label={label('deliveryTerm')}>
          <Input maxLength={500} data-testid="proposal-deliveryTerm" />
        </Form.Item>
        <Form.Item name="sentOn" label={label('sentOn')} extra={t('opportunity.proposal.sentOnHint')}>
          <DatePicker style={{ width: '100%' }} data-testid="proposal-sentOn" />
        </Form.Item>
        <Form.Item name="remark" label={label('remark')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="proposal-remark" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
