import { REPORT_MEASURES } from '@sales/core';
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import type { FigureRow, Values } from '../types';
import { figure } from './format';

interface Props {
  rows: FigureRow[];
  /** The 合计 row under the teams. */
  total?: Values;
  previousTotal?: Values;
  nameTitle: string;
  testId: string;
  /** Weekly: each cell also shows the week before. */
  compare?: boolean;
}

type Row = FigureRow & { key: string; isTotal?: boolean };

/** Per-rep or per-team figures of the daily and weekly reports, with the total row last. */
export function FigureTable({ rows, total, previousTotal, nameTitle, testId, compare }: Props) {
  const { t } = useTranslation();
  const items: Row[] = rows.map((r) => ({ ...r, key: String(r.id) }));
  if (total)
    items.push({
      id: 0,
      key: 'total',
      name: t('report.total'),
      deptName: null,
      values: total,
      previous: previousTotal,
      isTotal: true,
    });
  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: nameTitle,
      width: 140,
      fixed: 'left',
      render: (_, r) =>
        r.isTotal ? (
          <Typography.Text strong>{r.name}</Typography.Text>
        ) : (
          <span>
            {r.name}
            {r.deptName ? (
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {r.deptName}
              </Typography.Text>
            ) : null}
          </span>
        ),
    },
    ...REPORT_MEASURES.map((m) => ({
      key: m,
      title: t(`report.measure.${m}`),
      width: m === 'sales_amount' || m === 'collections' ? 130 : 90,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {figure(m, r.values[m])}
          {compare ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('report.previousShort', { value: figure(m, r.previous?.[m]) })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    })),
  ];
  return <DataTable<Row> items={items} columns={columns} rowKey="key" rowTestId={testId} size="small" />;
}
