import { App, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { validValues } from '../../../components/validValues.ts';
import { usePlanCommand } from '../api';
import type { WorkPlan } from '../types';

interface Values {
  month: Dayjs;
  goals: string;
  customers?: string;
  activities?: string;
}

/** The rep's monthly work plan: goals, customers to develop, activities; saved as a draft or submitted. */
export function WorkPlanForm({ draft, onDone }: { draft: WorkPlan | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  const command = usePlanCommand<WorkPlan>();
  const { message } = App.useApp();
  useEffect(() => {
    form.setFieldsValue(
      draft
        ? {
            month: dayjs(`${draft.month}-01`),
            goals: draft.goals,
            customers: draft.customers ?? '',
            activities: draft.activities ?? '',
          }
        : { month: dayjs().add(1, 'month').startOf('month'), goals: '', customers: '', activities: '' },
    );
  }, [draft, form]);

  const save = async (submit: boolean) => {
    const v = await validValues(form);
    if (!v) return;
    const body = { goals: v.goals, customers: v.customers || null, activities: v.activities || null, submit };
    try {
      await command.mutateAsync(
        draft
          ? { path: `/work-plans/${draft.id}`, method: 'PUT', body: { ...body, version: draft.version } }
          : { path: '/work-plans', body: { ...body, month: v.month.format('YYYY-MM') } },
      );
      message.success(t(submit ? 'workPlans.submitted' : 'workPlans.saved'));
      onDone();
    } catch (err) {
      handleError(err, { form });
    }
  };

  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
      <Form.Item name="month" label={t('workPlans.fields.month')} rules={[{ required: true }]}>
        <DatePicker
          picker="month"
          disabled={!!draft}
          allowClear={false}
          style={{ width: 160 }}
          data-testid="workplan-month"
        />
      </Form.Item>
      <Form.Item name="goals" label={t('workPlans.fields.goals')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={3} placeholder={t('workPlans.goalsHint')} data-testid="workplan-goals" />
      </Form.Item>
      <Form.Item name="customers" label={t('workPlans.fields.customers')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} data-testid="workplan-customers" />
      </Form.Item>
      <Form.Item name="activities" label={t('workPlans.fields.activities')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} data-testid="workplan-activities" />
      </Form.Item>
      <Space wrap>
        <Button onClick={() => void save(false)} loading={command.isPending} data-testid="workplan-save">
          {t('workPlans.saveDraft')}
        </Button>
        <Button
          type="primary"
          onClick={() => void save(true)}
          loading={command.isPending}
          data-testid="workplan-submit"
        >
          {t('workPlans.submit')}
        </Button>
      </Space>
    </Form>
  );
}
