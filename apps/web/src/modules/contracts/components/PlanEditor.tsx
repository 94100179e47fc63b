import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { checkPaymentPlan, PLAN_KINDS, type PlanKind } from '@sales/core';
import { Alert, Button, DatePicker, Input, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/MoneyInput';
import type { PlanInput } from '../types';

export interface PlanDraft {
  key: string;
  kind: PlanKind;
  dueDate: string | null;
  amount: string | null;
  note: string | null;
}

let seq = 0;
export const planDraft = (p?: Partial<Omit<PlanInput, 'amount'>> & { amount?: string | null }): PlanDraft => ({
  key: `p${Date.now()}-${++seq}`,
  kind: p?.kind ?? 'instalment',
  dueDate: p?.dueDate ?? null,
  amount: p?.amount ?? null,
  note: p?.note ?? null,
});

export const toPlanInput = (p: PlanDraft): PlanInput => ({
  kind: p.kind,
  dueDate: p.dueDate ?? '',
  amount: p.amount ?? '0',
  note: p.note?.trim() || null,
});

/** The live plan check (回款计划 = 合同金额, dates in order): messages to show, empty when fine. */
export function usePlanProblems(items: PlanDraft[], amount: string): string[] {
  const { t } = useTranslation();
  if (items.length === 0) return [];
  if (items.some((p) => !p.dueDate || !p.amount)) return [t('contract.plan.incomplete')];
  return checkPaymentPlan(items.map(toPlanInput), amount).map((i) =>
    t(`contract.plan.issue.${i.code.split('.').pop()}`, { ...i.params, line: Number(i.field.split('.')[1] ?? 0) + 1 }),
  );
}

/** 回款计划 editor: kind, due date, amount, note per item, with the live sum check against the amount. */
export function PlanEditor({
  items,
  onChange,
  amount,
}: {
  items: PlanDraft[];
  onChange: (p: PlanDraft[]) => void;
  amount: string;
}) {
  const { t } = useTranslation();
  const problems = usePlanProblems(items, amount);
  const set = (key: string, patch: Partial<PlanDraft>) =>
    onChange(items.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const label = (f: string) => t(`fields.planItem.${f}`);
  return (
    <div data-testid="contract-plan-editor">
      <Table<PlanDraft>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={items}
        // On a phone the row is wider than the screen: it scrolls inside the table, not the page.
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contract.plan.empty') }}
        columns={[
          { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
          {
            title: label('kind'),
            key: 'kind',
            render: (_, p) => (
              <Select
                size="small"
                value={p.kind}
                style={{ width: 110 }}
                options={PLAN_KINDS.map((k) => ({ value: k, label: t(`contract.planKind.${k}`) }))}
                onChange={(v) => set(p.key, { kind: v })}
              />
            ),
          },
          {
            title: label('dueDate'),
            key: 'dueDate',
            render: (_, p) => (
              <DatePicker
                size="small"
                value={p.dueDate ? dayjs(p.dueDate) : null}
                onChange={(d) => set(p.key, { dueDate: d ? d.format('YYYY-MM-DD') : null })}
              />
            ),
          },
          {
            title: label('amount'),
            key: 'amount',
            render: (_, p) => (
              <MoneyInput
                size="small"
                value={p.amount}
                onChange={(v) => set(p.key, { amount: v })}
                style={{ width: 160 }}
              />
            ),
          },
          {
            title: label('note'),
            key: 'note',
            render: (_, p) => (
              <Input
                size="small"
                value={p.note ?? ''}
                maxLength={200}
                onChange={(e) => set(p.key, { note: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            width: 40,
            render: (_, p) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(items.filter((x) => x.key !== p.key))}
                aria-label={t('common.delete')}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => onChange([...items, planDraft()])}
        data-testid="contract-plan-add"
      >
        {t('contract.plan.add')}
      </Button>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={problems.join('；')}
          data-testid="contract-plan-error"
        />
      ) : null}
    </div>
  );
}
