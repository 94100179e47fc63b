import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import type { Deal } from '../types';
import { money } from './format';

const KIND_COLOR = { order: 'green', order_cancel: 'default', return: 'orange' } as const;

/** Deals (orders booked, cancellations, returns) with links to their documents. */
export function DealTable({ items, full }: { items: Deal[]; full?: boolean }) {
  const { t } = useTranslation();
  const docLink = (d: Deal) => {
    const path =
      d.sourceType === 'order'
        ? `/orders/${d.sourceId}`
        : d.sourceType === 'sales_return'
          ? `/returns/${d.sourceId}`
          : null;
    return path && d.documentNo ? <Link to={path}>{d.documentNo}</Link> : (d.documentNo ?? '');
  };
  const columns: ColumnsType<Deal> = [
    { key: 'documentNo', title: t('report.col.documentNo'), width: 150, render: (_, d) => docLink(d) },
    { key: 'date', dataIndex: 'date', title: t('report.col.date'), width: 100 },
    ...(full
      ? [
          {
            key: 'kind',
            title: t('report.col.kind'),
            width: 70,
            render: (_: unknown, d: Deal) => <Tag color={KIND_COLOR[d.kind]}>{t(`report.kind.${d.kind}`)}</Tag>,
          },
        ]
      : []),
    {
      key: 'customer',
      title: t('report.col.customer'),
      width: 160,
      render: (_, d) =>
        d.customerId ? <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link> : d.customerName,
    },
    ...(full
      ? [
          {
            key: 'contact',
            title: t('report.col.contact'),
            width: 90,
            render: (_: unknown, d: Deal) => d.contactName || '—',
          },
          {
            key: 'products',
            title: t('report.col.products'),
            width: 160,
            render: (_: unknown, d: Deal) => d.products || '—',
          },
        ]
      : []),
    {
      key: 'amount',
      title: t('report.col.amount'),
      width: 120,
      align: 'right',
      render: (_, d) => money(d.amount ?? d.value ?? '0'),
    },
    { key: 'rep', title: t('report.rep'), width: 80, render: (_, d) => d.repName ?? t('report.unassigned') },
    { key: 'dept', title: t('report.col.department'), width: 110, render: (_, d) => d.deptName ?? '—' },
  ];
  return (
    <DataTable<Deal>
      items={items}
      columns={columns}
      rowKey={(d) => `${d.kind}-${d.sourceType}-${d.sourceId}-${d.date}`}
      rowTestId="report-deal-row"
      size="small"
    />
  );
}
