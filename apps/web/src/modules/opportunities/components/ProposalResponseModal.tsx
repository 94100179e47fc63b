import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { useRespondProposal } from '../api';
import { PROPOSAL_RESPONSES, type ProposalResponse } from '../constants';
import type { Proposal } from '../types';

export interface ProposalResponseModalProps {
  opportunityId: number;
  target: Proposal | null;
  onClose: () => void;
}

interface ResponseFormValues {
  response: ProposalResponse;
  respondedOn?: Dayjs | null;
  note?: string | null;
}

/** Records the customer's answer to a proposal; an accepted one ticks the proposal checklist items. */
export function ProposalResponseModal({ opportunityId, target, onClose }: ProposalResponseModalProps) {
  const session = useModalSession(target);
  return (
    <ResponseModalBody
      key={session.key}
      opportunityId={opportunityId}
      target={session.shown}
      open={target !== null}
      onClose={onClose}
    />
  );
}

function ResponseModalBody({ opportunityId, target, open, onClose }: ProposalResponseModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResponseFormValues>();
  const respond = useRespondProposal(opportunityId);
  const handleError = useApiErrorHandler();
  const response = Form.useWatch('response', form);

  const submit = async () => {
    const v = await validValues(form);
    if (!v || !target) return;
    respond.mutate(
      {
        id: target.id,
        response: v.response,
        respondedOn: v.response !== 'pending' && v.respondedOn ? v.respondedOn.format('YYYY-MM-DD') : null,
        note: v.note?.trim() ? v.note.trim() : null,
        version: target.version,
      },
      {
        onSuccess: () => {
          message.success(t('opportunity.proposal.responded'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('opportunity.proposal.responseTitle', { title: target?.title ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={respond.isPending}
      okButtonProps={buttonTestId('proposal-response-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="proposal-response-form"
        initialValues={{
          response: target?.response === 'pending' ? 'accepted' : target?.response,
          respondedOn: target?.respondedOn ? dayjs(target.respondedOn) : dayjs(),
          note: target?.responseNote,
        }}
      >
        <Form.Item name="response" label={t('opportunity.proposal.fields.response')} rules={[{ required: true }]}>
          <Radio.Group data-testid="proposal-response">
            {PROPOSAL_RESPONSES.map((r) => (
              <Radio.Button key={r} value={r}>
                <span data-testid={`proposal-response-${r}`}>{t(`opportunity.proposalResponse.${r}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {response === 'pending' ? null : (
          <Form.Item name="respondedOn" label={t('opportunity.proposal.fields.respondedOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="proposal-respondedOn" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('opportunity.proposal.fields.responseNote')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="proposal-response-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
