import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload, type QueryParams } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { sized } from '../../../components/columnSettings';
import { DataTable, type SortOrder, sortOrderOf } from '../../../components/DataTable';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { ListViewTabs } from '../../../components/ListViewTabs';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { readListView } from '../../../components/useListViews';
import { useOrderList } from '../api';
import { OrderFilterBar } from '../components/OrderFilterBar';
import {
  CREDIT_OVERRIDE_COLORS,
  ORDER_CREATE,
  ORDER_EXPORT,
  ORDER_STATUS_COLORS,
  ORDER_STATUSES,
  type OrderStatus,
} from '../constants';
import type { OrderFilters, OrderListItem } from '../types';

const TEXT_KEYS = ['keyword', 'from', 'to'] as const;
const ID_KEYS = ['ownerId', 'customerId'] as const;

// 列设置: never hidden; hidden until shown (the table then fits 1366 px, issue 11).
const KEY_COLUMNS = ['no', 'status', 'totalGross'];
const DEFAULT_HIDDEN = ['channel', 'createdAt', 'updatedAt'];

function readFilters(sp: URLSearchParams): OrderFilters {
  const f: OrderFilters = {};
  for (const key of TEXT_KEYS) {
    const v = sp.get(key);
    if (v) f[key] = v;
  }
  for (const key of ID_KEYS) {
    const v = Number(sp.get(key));
    if (Number.isInteger(v) && v > 0) f[key] = v;
  }
  const status = sp.get('status');
  if (status && (ORDER_STATUSES as readonly string[]).includes(status)) f.status = status as OrderStatus;
  const view = readListView(sp);
  if (view) f.view = view;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

export function OrderListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);

  const filters = useMemo(() => readFilters(sp), [sp]);
  // The view counts are under the other filters (not the view itself, nor the order).
  const { sort: _vs, order: _vo, view: _vv, ...viewFilters } = filters;
  const { sort: _s, order: _o, ...plain } = filters;
  const query = useOrderList({ ...filters, page, pageSize });

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onSearch = (f: OrderFilters) =>
    update({ keyword: f.keyword, status: f.status, ownerId: f.ownerId, from: f.from, to: f.to });

  const onExport = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/orders/export', plain as QueryParams, 'orders.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  const sortCol = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(key, filters.sort, filters.order) });
  const label = (f: string) => t(`fields.order.${f}`);
  // The list answer carries the capped total: no second count request.
  const countTotal = query.data?.total;
  const countCapped = query.data?.totalCapped;

  const columns: ColumnsType<OrderListItem> = sized<OrderListItem>(
    [
      {
        title: label('no'),
        dataIndex: 'no',
        fixed: 'left',
        ...sortCol('no'),
        render: (no: string, r) => (
          <Link
            to={`/orders/${r.id}`}
            onClick={(e) => e.stopPropagation()}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="order-link"
          >
            {no}
          </Link>
        ),
      },
      {
        title: label('customerName'),
        dataIndex: 'customerName',
        render: (v: string, r) => (
          <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
            {v}
          </Link>
        ),
      },
      {
        title: label('status'),
        dataIndex: 'status',
        render: (v: string, r) => (
          <>
            <StatusTag dict="order.status" value={v} colors={ORDER_STATUS_COLORS} testId="order-row-status" />
            {r.creditOverride && r.creditOverride !== 'none' ? (
              <StatusTag dict="order.creditOverride" value={r.creditOverride} colors={CREDIT_OVERRIDE_COLORS} />
            ) : null}
          </>
        ),
      },
      {
        title: label('channel'),
        dataIndex: 'channel',
        render: (v: string) => <DictText dict="order.channel" value={v} />,
      },
      {
        title: label('totalGross'),
        dataIndex: 'totalGross',
        align: 'right',
        ...sortCol('totalGross'),
        render: (v: string) => <MoneyText value={v} />,
      },
      {
        title: label('receivedAmount'),
        dataIndex: 'receivedAmount',
        align: 'right',
        render: (v: string) => <MoneyText value={v} />,
      },
      { title: label('requestedDate'), dataIndex: 'requestedDate', render: formatDate, ...sortCol('requestedDate') },
      { title: label('promisedDate'), dataIndex: 'promisedDate', render: formatDate },
      { title: label('ownerName'), dataIndex: 'ownerName', render: orDash },
      { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime, ...sortCol('createdAt') },
      { title: label('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime, ...sortCol('updatedAt') },
    ],
    {
      no: 170,
      customerName: 200,
      status: 110,
      channel: 100,
      totalGross: 130,
      receivedAmount: 120,
      requestedDate: 120,
      promisedDate: 110,
      ownerName: 80,
      createdAt: 150,
      updatedAt: 150,
    },
    ['customerName', 'ownerName'],
  );

  return (
    <Card>
      <PageHeader
        title={t('menu.orders')}
        tags={
          countTotal !== undefined ? (
            <Tag data-testid="order-count">
              {countCapped ? t('common.totalCapped', { total: countTotal }) : t('common.total', { total: countTotal })}
            </Tag>
          ) : null
        }
        extra={
          <>
            {hasPermission(ORDER_EXPORT) ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="order-export"
              >
                {t('common.export')}
              </Button>
            ) : null}
            {hasPermission(ORDER_CREATE) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/orders/new')}
                data-testid="order-new"
              >
                {t('order.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <OrderFilterBar value={filters} onSearch={onSearch} />
      {filters.customerId ? (
        <Tag closable onClose={() => update({ customerId: undefined })} style={{ marginBottom: 12 }}>
          {t('order.filter.customerOnly')}
        </Tag>
      ) : null}
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<OrderListItem>
          data-testid="order-table"
          rowTestId="order-row"
          columns={columns}
          settingsKey="orders"
          keyColumns={KEY_COLUMNS}
          defaultHidden={DEFAULT_HIDDEN}
          toolbar={
            <ListViewTabs
              countsPath="/api/orders/views"
              filters={viewFilters as QueryParams}
              value={filters.view}
              onChange={(v) => update({ view: v === 'all' ? undefined : v })}
              testIdPrefix="order"
            />
          }
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/orders/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
