import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { validValues } from '../../../components/validValues.ts';
import { useAssignWork } from '../api';

/** A manager assigns a team member's work of a day (经理安排当日工作). */
export function AssignWorkModal({
  user,
  onClose,
}: {
  user: { userId: number; userName: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ date: Dayjs; work: string }>();
  const assign = useAssignWork();
  return (
    <Modal
      open={!!user}
      title={t('worklogs.assignTitle', { name: user?.userName ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'assign-ok' } as Record<`data-${string}`, string>}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        if (!user) return;
        assign.mutate(
          { userId: user.userId, date: v.date.format('YYYY-MM-DD'), work: v.work },
          {
            onSuccess: () => {
              message.success(t('worklogs.assigned'));
              onClose();
            },
            onError: (e) => handleError(e, { form }),
          },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} preserve={false}>
        <Form.Item name="date" label={t('worklogs.fields.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="work"
          label={t('worklogs.fields.assignedWork')}
          rules={[{ required: true, message: t('worklogs.workRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="assign-work" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
