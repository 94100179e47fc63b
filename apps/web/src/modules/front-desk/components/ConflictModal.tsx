import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type Registration, useResolveConflict } from '../api';

interface Values {
  decision: 'keep' | 'reassign';
  note: string;
}

/**
 * 归属冲突: the manager keeps the customer with its owner or reassigns it to the rep the visitor
 * named; the reason is required and kept in the audit trail.
 */
export function ConflictModal({ reg, open, onClose }: { reg: Registration; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const resolve = useResolveConflict(reg.id);
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    resolve.mutate(
      { decision: v.decision, note: v.note.trim(), version: reg.version },
      {
        onSuccess: () => {
          message.success(t('frontDesk.conflict.resolved'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };
  const names = { owner: reg.routedToName, named: reg.conflict?.repName ?? '' };
  return (
    <Modal
      open={open}
      title={t('frontDesk.conflict.title', { name: reg.visitorName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('frontDesk.conflict.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      okButtonProps={buttonTestId('fd-conflict-submit')}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('frontDesk.conflict.explain', names)} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ decision: 'keep' }}>
        <Form.Item name="decision" label={t('frontDesk.conflict.decision')} rules={[{ required: true }]}>
          <Radio.Group data-testid="fd-conflict-decision">
            <Radio value="keep">{t('frontDesk.conflict.keep', names)}</Radio>
            <Radio value="reassign">{t('frontDesk.conflict.reassign', names)}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('frontDesk.conflict.note')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="fd-conflict-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
