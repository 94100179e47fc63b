import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { formatQty } from '../../stock/format';
import { useUpdateProductionTask } from '../api';
import { TASK_NEXT, TASK_STATUSES } from '../constants';
import type { ProductionTask } from '../types';

interface Values {
  status: string;
  doneQty: string;
  dueDate: Dayjs;
  progressNote?: string;
}

/** Progress of one 销售任务单: status, quantity done, due date, note. */
export function TaskProgressModal({ task, onClose }: { task: ProductionTask | null; onClose: () => void }) {
  const session = useModalSession(task);
  return <Body key={session.key} task={session.shown} open={task !== null} onClose={onClose} />;
}

function Body({ task, open, onClose }: { task: ProductionTask | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const save = useUpdateProductionTask();
  const label = (f: string) => t(`fields.productionTask.${f}`);

  const submit = async () => {
    const v = await validValues(form);
    if (!v || !task) return;
    save.mutate(
      {
        id: task.id,
        status: v.status,
        doneQty: String(v.doneQty),
        progressNote: v.progressNote?.trim() || null,
        dueDate: v.dueDate.format('YYYY-MM-DD'),
        version: task.version,
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => handleError(err, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('planner.progressTitle', { no: task?.no ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('task-progress-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          task
            ? {
                status: task.status,
                doneQty: task.doneQty,
                dueDate: dayjs(task.dueDate),
                progressNote: task.progressNote ?? '',
              }
            : undefined
        }
      >
        <Form.Item
          name="status"
          label={label('status')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={TASK_STATUSES.filter((s) => task && TASK_NEXT[task.status].includes(s)).map((s) => ({
              value: s,
              label: t(`planner.taskStatus.${s}`),
            }))}
            data-testid="task-status"
          />
        </Form.Item>
        <Form.Item
          name="doneQty"
          label={t('planner.doneOf', { qty: formatQty(task?.qty) })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<string> stringMode min="0" max={task?.qty} style={{ width: '100%' }} data-testid="task-done" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={label('dueDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="progressNote" label={label('progressNote')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
