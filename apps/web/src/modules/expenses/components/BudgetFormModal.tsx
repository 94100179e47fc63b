import { EXPENSE_CATEGORIES } from '@sales/core';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { DeptTreeSelect } from '../../admin/components/DeptTreeSelect';
import { useExpenseCommand } from '../api';
import type { Budget } from '../types';
import { EventSelect } from './EventSelect';

interface FormValues {
  kind: 'dept' | 'event';
  deptId?: number;
  eventId?: number | null;
  category: string;
  period?: [Dayjs, Dayjs];
  amount: string;
  note?: string;
}

/**
 * Sets a budget (seed 001 费用预算: 预算金额、使用计划) of a department for a period or of an event, by
 * category; an existing budget changes only its amount and note (what claims hold of it stays).
 */
export function BudgetFormModal({ budget, onClose }: { budget?: Budget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const command = useExpenseCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form) ?? 'dept';
  const b = (k: string) => t(`expenses.budgets.${k}`);

  const save = async (v: FormValues) => {
    const body = budget
      ? { amount: v.amount, note: v.note || null, version: budget.version }
      : {
          category: v.category,
          amount: v.amount,
          note: v.note || null,
          ...(v.kind === 'event'
            ? { eventId: v.eventId }
            : {
                deptId: v.deptId,
                periodStart: v.period?.[0].format('YYYY-MM-DD'),
                periodEnd: v.period?.[1].format('YYYY-MM-DD'),
              }),
        };
    try {
      await command.mutateAsync({
        path: budget ? `/expense-budgets/${budget.id}` : '/expense-budgets',
        method: budget ? 'PUT' : 'POST',
        body,
      });
      message.success(b('saved'));
      onClose();
    } catch (err) {
      // The API names the period by its ends; the form shows them as one range.
      const ends = isApiError(err) ? err.fields.filter((f) => f.field.startsWith('period')) : [];
      if (ends.length) form.setFields([{ name: 'period', errors: [...new Set(ends.map((f) => f.message))] }]);
      if (!isApiError(err) || ends.length < err.fields.length || ends.length === 0) handleError(err, { form });
    }
  };

  return (
    <Modal
      open
      title={budget ? b('edit') : b('new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('budget-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={command.isPending}
        initialValues={budget ? { amount: budget.amount, note: budget.note ?? undefined } : { kind: 'dept' }}
      >
        {!budget && (
          <>
            <Form.Item name="kind" label={b('kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'dept', label: b('kindDept') },
                  { value: 'event', label: b('kindEvent') },
                ]}
              />
            </Form.Item>
            {kind === 'event' ? (
              <Form.Item name="eventId" label={t('expenses.fields.event')} rules={[{ required: true }]}>
                <EventSelect testId="budget-event" placeholder={t('common.pleaseSelect')} />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="deptId" label={t('expenses.fields.dept')} rules={[{ required: true }]}>
                  <DeptTreeSelect testId="budget-dept" />
                </Form.Item>
                <Form.Item name="period" label={b('period')} rules={[{ required: true }]}>
                  <DatePicker.RangePicker style={{ width: '100%' }} data-testid="budget-period" />
                </Form.Item>
              </>
            )}
            <Form.Item name="category" label={t('expenses.fields.category')} rules={[{ required: true }]}>
              <DictSelect dict="expenses.category" values={EXPENSE_CATEGORIES} testId="budget-category" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="amount"
          label={b('amount')}
          rules={[{ required: true }]}
          extra={budget ? b('amountHint') : null}
        >
          <MoneyInput testId="budget-amount" />
        </Form.Item>
        <Form.Item name="note" label={b('note')}>
          <Input maxLength={200} data-testid="budget-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
