import { money, toMoneyString } from '@sales/core';
import { InputNumber, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import type { LastYearRow, PlanRow } from '../types';

type Measure = 'amount' | 'customers';

const sumAmounts = (xs: string[]) => toMoneyString(xs.reduce((s, x) => s.plus(money(x || '0')), money(0)));
const sumCounts = (xs: number[]) => xs.reduce((s, x) => s + (x || 0), 0);

/**
 * The plan grid (SPEC 2.1): rows company → departments → reps, columns the 12 months, the row's
 * total and last year's actual beside it. Editable cells for the rows the user may write.
 */
export function PlanGrid({
  rows,
  lastYear,
  editing,
  onChange,
}: {
  rows: PlanRow[];
  lastYear: LastYearRow[] | null;
  editing: boolean;
  onChange: (rows: PlanRow[]) => void;
}) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('amount');
  const last = new Map((lastYear ?? []).map((r) => [r.key, r]));
  const setCell = (key: string, m: number, value: string | number | null) =>
    onChange(
      rows.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, amounts: [...r.amounts], customers: [...r.customers] };
        if (measure === 'amount') next.amounts[m] = value === null || value === '' ? '0.00' : String(value);
        else next.customers[m] = Number(value ?? 0);
        next.totalAmount = sumAmounts(next.amounts);
        next.totalCustomers = sumCounts(next.customers);
        return next;
      }),
    );

  const monthCols: ColumnsType<PlanRow> = Array.from({ length: 12 }, (_, m) => ({
    key: `m${m}`,
    title: t('plans.month', { month: m + 1 }),
    width: measure === 'amount' ? 130 : 80,
    align: 'right' as const,
    render: (_: unknown, r: PlanRow) => {
      const testId = `plan-cell-${r.key}-${m}`;
      if (editing && r.editable)
        return measure === 'amount' ? (
          <MoneyInput size="small" value={r.amounts[m]} onChange={(v) => setCell(r.key, m, v)} testId={testId} />
        ) : (
          <InputNumber
            size="small"
            min={0}
            precision={0}
            value={r.customers[m]}
            onChange={(v) => setCell(r.key, m, v)}
            style={{ width: '100%' }}
            data-testid={testId}
          />
        );
      return measure === 'amount' ? <MoneyText value={r.amounts[m]} /> : r.customers[m];
    },
  }));

  const columns: ColumnsType<PlanRow> = [
    {
      key: 'name',
      title: t('plans.fields.row'),
      fixed: 'left',
      width: 150,
      render: (_: unknown, r) => (
        <span style={{ paddingLeft: r.depth * 14, fontWeight: r.kind === 'rep' ? 400 : 600 }}>{r.name}</span>
      ),
    },
    ...monthCols,
    {
      key: 'total',
      title: t('plans.fields.total'),
      width: measure === 'amount' ? 140 : 90,
      align: 'right',
      render: (_: unknown, r) =>
        measure === 'amount' ? (
          <Typography.Text strong data-testid={`plan-total-${r.key}`}>
            <MoneyText value={r.totalAmount} />
          </Typography.Text>
        ) : (
          <Typography.Text strong>{r.totalCustomers}</Typography.Text>
        ),
    },
  ];
  if (lastYear)
    columns.push({
      key: 'lastYear',
      title: t('plans.fields.lastYear'),
      width: measure === 'amount' ? 140 : 90,
      align: 'right',
      render: (_: unknown, r) => {
        const l = last.get(r.key);
        if (!l) return '-';
        return measure === 'amount' ? <MoneyText value={l.totalAmount} /> : l.totalCustomers;
      },
    });

  return (
    <>
      <Segmented<Measure>
        style={{ marginBottom: 12 }}
        value={measure}
        onChange={setMeasure}
        options={[
          { value: 'amount', label: t('plans.measure.amount') },
          { value: 'customers', label: t('plans.measure.customers') },
        ]}
        data-testid="plan-measure"
      />
      <Table<PlanRow>
        data-testid="plan-grid"
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}
