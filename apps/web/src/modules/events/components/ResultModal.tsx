import { DECLINE_REASONS, INVITE_METHODS } from '@sales/core';
import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { buttonTestId } from '../../../components/testId';
import { useEventCommand } from '../api';
import type { Invitation } from '../types';

interface Values {
  result: 'accepted' | 'declined' | 'undecided';
  reason?: string;
  reasonNote?: string;
  method: string;
}

/**
 * Records the customer's answer (seed 001 邀约流程 2). A decline needs a reason from the list (the
 * server refuses it otherwise, field by field; the form shows its message under the field).
 */
export function ResultModal({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const f = (k: string) => t(`events.fields.${k}`);
  const save = async (v: Values) => {
    try {
      await command.mutateAsync({
        path: `/event-invitations/${invitation.id}/result`,
        method: 'PUT',
        body: { ...v, version: invitation.version },
      });
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  const initial = {
    result: invitation.result === 'pending' ? undefined : invitation.result,
    reason: invitation.declineReason ?? undefined,
    reasonNote: invitation.reasonNote ?? undefined,
    method: invitation.method === 'walk_in' ? 'phone' : invitation.method,
  };
  return (
    <Modal
      open
      title={`${t('events.record')}：${invitation.customerName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('result-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Form.Item name="result" label={f('result')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="result-choice"
            options={(['accepted', 'declined', 'undecided'] as const).map((v) => ({
              value: v,
              label: t(`events.result.${v}`),
            }))}
          />
        </Form.Item>
        {result === 'declined' && (
          <>
            <Form.Item name="reason" label={f('reason')}>
              <DictSelect dict="events.reason" values={DECLINE_REASONS} testId="result-reason" />
            </Form.Item>
            <Form.Item name="reasonNote" label={f('reasonNote')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="result-note" />
            </Form.Item>
          </>
        )}
        <Form.Item name="method" label={f('method')}>
          <DictSelect dict="events.method" values={INVITE_METHODS} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
