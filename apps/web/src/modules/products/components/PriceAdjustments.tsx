import { useQueryClient } from '@tanstack/react-query';
import { Empty, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { APPROVAL_STATUS_COLORS, ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { type PriceAdjustment, useAdjustmentApprovals, usePriceAdjustments } from '../api';

function AdjustmentApprovals({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useAdjustmentApprovals(id);
  const qc = useQueryClient();
  const items = query.data?.items;
  const status = items?.[items.length - 1]?.status;
  const seen = useRef(status);
  // A decision taken here (approve / reject / withdraw) changes the product and its adjustments.
  useEffect(() => {
    if (seen.current !== undefined && status !== seen.current) void qc.invalidateQueries({ queryKey: ['products'] });
    seen.current = status;
  }, [status, qc]);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty description={t('priceAdjustment.noApprovals')} />;
  // The latest run; approvers act on it here (approve / reject) and the applicant may withdraw.
  return <ApprovalPanel instance={query.data.items[query.data.items.length - 1]} />;
}

function Change({ old, next }: { old: string; next: string }) {
  if (old === next) return <MoneyText value={next} />;
  return (
    <span>
      <Typography.Text type="secondary">
        <MoneyText value={old} />
      </Typography.Text>{' '}
      → <MoneyText value={next} />
    </span>
  );
}

/** The product's price adjustments, each expandable to its approval chain and history. */
export function PriceAdjustments({ productId }: { productId: number }) {
  const { t } = useTranslation();
  const query = usePriceAdjustments(productId);
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  // Mounted only with data, so pending adjustments open expanded (their approval panel in view).
  if (query.isPending) return <Skeleton active />;
  const label = (f: string) => t(`priceAdjustment.fields.${f}`);
  const columns: ColumnsType<PriceAdjustment> = [
    { title: label('no'), dataIndex: 'no', width: 140 },
    {
      title: label('standardPrice'),
      key: 'std',
      render: (_, r) => <Change old={r.oldStandardPrice} next={r.newStandardPrice} />,
    },
    {
      title: label('floorPrice'),
      key: 'floor',
      render: (_, r) => <Change old={r.oldFloorPrice} next={r.newFloorPrice} />,
    },
    {
      title: label('cutPercent'),
      dataIndex: 'cutPercent',
      align: 'right',
      render: (v: string) =>
        Number(v) > 0
          ? t('priceAdjustment.cut', { value: v })
          : t('priceAdjustment.raise', { value: v.replace('-', '') }),
    },
    { title: label('reason'), dataIndex: 'reason', ellipsis: true },
    { title: label('requestedBy'), dataIndex: 'requestedByName', render: orDash },
    { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="approval.status" value={v} colors={APPROVAL_STATUS_COLORS} />,
    },
  ];
  return (
    <Table<PriceAdjustment>
      rowKey="id"
      size="small"
      data-testid="price-adjustments"
      columns={columns}
      dataSource={query.data.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (r) => <AdjustmentApprovals id={r.id} />,
        defaultExpandedRowKeys: query.data.items.filter((r) => r.status === 'pending').map((r) => r.id),
      }}
      locale={{ emptyText: <Empty description={t('priceAdjustment.none')} /> }}
    />
  );
}
