import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues.ts';
import { fetchBaseline, usePlanCommand } from '../api';

interface Values {
  year: number;
  title: string;
  growth: number;
}

/**
 * A new year's plan, drafted from last year's actuals raised by a growth rate (seed 000 3.1: 依据上一
 * 年度的销售情况以及公司下达的销售任务): every rep's months, the departments and the company as their sums.
 */
export function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const command = usePlanCommand();
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear() + 1;

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const base = await fetchBaseline(v.year, String(v.growth ?? 0));
      const plan = await command.mutateAsync({
        path: '/sales-plans',
        body: {
          year: v.year,
          title: v.title,
          targetAmount: base.targetAmount,
          targetCustomers: base.targetCustomers,
          rows: base.rows,
        },
      });
      onClose();
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      handleError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('plans.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t('plans.createFromLastYear')}
      destroyOnHidden
      okButtonProps={buttonTestId('plan-create-ok')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, title: t('plans.defaultTitle', { year }), growth: 10 }}
      >
        <Form.Item name="year" label={t('plans.fields.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="plan-year" />
        </Form.Item>
        <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="growth" label={t('plans.fields.growth')} extra={t('plans.growthHint')}>
          <InputNumber
            min={-100}
            max={1000}
            precision={2}
            suffix="%"
            style={{ width: '100%' }}
            data-testid="plan-growth"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
