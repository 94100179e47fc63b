import { SettingOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { CLASS_COLORS } from '../../../app/dictionaries';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable, type SortOrder, sortOrderOf } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { type PoolCustomer, type PoolFilters, usePoolCustomers, usePools } from '../api';
import { ClaimButton } from '../components/ClaimButton';
import { LeaveReason } from '../components/LeaveReason';
import { POOL_FILTER_KEYS, PoolFilterBar } from '../components/PoolFilterBar';

const ALL = 'all';

function readFilters(sp: URLSearchParams): PoolFilters {
  const f: PoolFilters = {};
  for (const key of POOL_FILTER_KEYS) {
    const v = sp.get(key);
    if (v) f[key] = v;
  }
  const poolId = Number(sp.get('poolId'));
  if (poolId > 0) f.poolId = poolId;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

/** 公海客户: customers nobody owns, contact details masked, with why they came back and a claim button. */
export function PoolCustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const canClaim = hasPermission('pool.claim');
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = useMemo(() => readFilters(sp), [sp]);
  const pools = usePools();
  const query = usePoolCustomers({ ...filters, page, pageSize });

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const sortCol = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(key, filters.sort, filters.order) });

  const columns: ColumnsType<PoolCustomer> = [
    { title: t('fields.customer.no'), dataIndex: 'no', width: 150, fixed: 'left' },
    {
      title: t('fields.customer.name'),
      dataIndex: 'name',
      fixed: 'left',
      ...sortCol('name'),
      render: (name: string, r) => (
        <Link to={`/pool/customers/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="pool-customer-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('fields.customer.kind'),
      dataIndex: 'kind',
      render: (v: string) => <DictText dict="dict.customerKind" value={v} />,
    },
    {
      title: t('fields.customer.class'),
      dataIndex: 'class',
      render: (v: string | null) => <StatusTag dict="dict.customerClass" value={v} colors={CLASS_COLORS} />,
    },
    { title: t('fields.customer.mobile'), dataIndex: 'mobile', render: orDash },
    { title: t('fields.customer.phone'), dataIndex: 'phone', render: orDash },
    {
      title: t('pool.fields.lastReason'),
      key: 'lastReason',
      render: (_, r) => <LeaveReason how={r.lastHow} reason={r.lastReason} />,
    },
    { title: t('pool.fields.lastOwnerName'), dataIndex: 'lastOwnerName', render: orDash },
    {
      title: t('pool.fields.poolEnteredAt'),
      dataIndex: 'poolEnteredAt',
      render: formatDateTime,
      ...sortCol('poolEnteredAt'),
    },
    { title: t('pool.fields.poolName'), dataIndex: 'poolName' },
    {
      title: t('fields.customer.region'),
      dataIndex: 'region',
      render: (v) => <DictText dict="dict.region" value={v} />,
    },
    {
      title: t('fields.customer.industry'),
      dataIndex: 'industry',
      render: (v) => <DictText dict="dict.industry" value={v} />,
    },
    {
      title: t('fields.customer.source'),
      dataIndex: 'source',
      render: (v) => <DictText dict="dict.source" value={v} />,
    },
    { title: t('fields.customer.lastFollowUpAt'), dataIndex: 'lastFollowUpAt', render: formatDateTime },
    { title: t('fields.customer.createdAt'), dataIndex: 'createdAt', render: formatDateTime, ...sortCol('createdAt') },
  ];
  if (canClaim) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <ClaimButton customerId={r.id} blockedUntil={r.blockedUntil} testId="pool-claim" size="small" />
      ),
    });
  }

  const tabItems = [
    { key: ALL, label: <span data-testid="pool-tab-all">{t('pool.allPools')}</span> },
    ...(pools.data?.items ?? []).map((p) => ({
      key: String(p.id),
      label: (
        <span data-testid={`pool-tab-${p.id}`}>
          {p.name} <Badge count={p.customerCount} showZero color="#bfbfbf" overflowCount={9999} />
        </span>
      ),
    })),
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.poolCustomers')}
        extra={
          hasPermission('pool.manage') ? (
            <Button icon={<SettingOutlined />} onClick={() => navigate('/pool/manage')} data-testid="pool-manage">
              {t('menu.poolManage')}
            </Button>
          ) : null
        }
      />
      <Tabs
        data-testid="pool-tabs"
        activeKey={filters.poolId ? String(filters.poolId) : ALL}
        onChange={(key) => update({ poolId: key === ALL ? undefined : key })}
        items={tabItems}
      />
      <PoolFilterBar value={filters} onSearch={(f) => update(f)} />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<PoolCustomer>
          data-testid="pool-table"
          rowTestId="pool-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/pool/customers/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
