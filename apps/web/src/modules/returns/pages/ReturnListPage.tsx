import { RETURN_REASONS, RETURN_STATUSES } from '@sales/core';
import { Card, Select, Space, Switch, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useReturnList } from '../api';
import { RETURN_STATUS_COLORS } from '../constants';
import type { ReturnListItem } from '../types';

/** 销后退回 list: every return in scope with its deadline state and the storage fee as of now. */
export function ReturnListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sp, page, pageSize, patch } = useListUrlState();
  const status = sp.get('status') ?? undefined;
  const reason = sp.get('reason') ?? undefined;
  const overdue = sp.get('overdue') === 'true';
  // The customer 360's "all" link opens the list of one customer.
  const customerId = sp.get('customerId') ?? undefined;
  const list = useReturnList({ page, pageSize, status, reason, customerId, overdue: overdue ? 'true' : undefined });
  const f = (k: string) => t(`returns.fields.${k}`);

  const columns: ColumnsType<ReturnListItem> = [
    {
      title: f('no'),
      dataIndex: 'no',
      width: 170,
      render: (v: string, r) => <Link to={`/returns/${r.id}`}>{v}</Link>,
    },
    { title: f('customer'), dataIndex: 'customerName', width: 220, ellipsis: true },
    { title: f('order'), dataIndex: 'orderNo', width: 170 },
    {
      title: f('reason'),
      dataIndex: 'reason',
      width: 110,
      render: (v: string) => <DictText dict="returns.reason" value={v} />,
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 120,
      render: (v: string) => <StatusTag dict="returns.status" value={v} colors={RETURN_STATUS_COLORS} />,
    },
    {
      title: f('amount'),
      dataIndex: 'totalAmount',
      align: 'right',
      width: 120,
      render: (v: string) => <MoneyText value={v} />,
    },
    {
      title: f('dueAt'),
      dataIndex: 'dueAt',
      width: 190,
      render: (v: string | null, r) =>
        v ? (
          <Space size={4} wrap>
            {formatDateTime(v)}
            {r.overdue ? <Tag color="error">{t('returns.overdue')}</Tag> : null}
          </Space>
        ) : (
          <span>{t('returns.notArrived')}</span>
        ),
    },
    {
      title: f('storageFee'),
      dataIndex: 'fee',
      align: 'right',
      width: 110,
      render: (v: ReturnListItem['fee']) => <MoneyText value={v.total} />,
    },
  ];

  return (
    <Card>
      <PageHeader title={t('menu.returns')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={f('status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={(v) => patch({ status: v })}
          options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
          data-testid="returns-filter-status"
        />
        <Select
          allowClear
          placeholder={f('reason')}
          style={{ minWidth: 140 }}
          value={reason}
          onChange={(v) => patch({ reason: v })}
          options={RETURN_REASONS.map((s) => ({ value: s, label: t(`returns.reason.${s}`) }))}
        />
        <Space>
          <Switch
            checked={overdue}
            onChange={(v) => patch({ overdue: v ? 'true' : undefined })}
            data-testid="returns-overdue"
          />
          {t('returns.overdueOnly')}
        </Space>
      </Space>
      <DataTable<ReturnListItem>
        data-testid="returns-table"
        columns={columns}
        items={list.data?.items}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onRowClick={(r) => navigate(`/returns/${r.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
    </Card>
  );
}
