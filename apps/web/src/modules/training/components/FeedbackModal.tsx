import { App, Form, Input, Modal, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useTrainingCommand } from '../api';
import type { AttendanceRow } from '../types';

/** The trainee's own feedback on a session they attended (seed 001 培训评估: 学员反馈). */
export function FeedbackModal({ row, onClose }: { row: AttendanceRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const command = useTrainingCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const save = async (v: { rating: number; comment?: string }) => {
    try {
      await command.mutateAsync({
        path: `/training/attendance/${row.id}/feedback`,
        method: 'PUT',
        body: { rating: v.rating, comment: v.comment || null, version: row.version },
      });
      message.success(t('training.feedbackSaved'));
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      title={t('training.giveFeedback')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('feedback-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ rating: row.feedbackRating ?? undefined, comment: row.feedback ?? undefined }}
        onFinish={save}
      >
        <Form.Item name="rating" label={t('training.fields.rating')} rules={[{ required: true }]}>
          <Rate data-testid="feedback-rating" />
        </Form.Item>
        <Form.Item name="comment" label={t('training.fields.feedback')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="feedback-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
