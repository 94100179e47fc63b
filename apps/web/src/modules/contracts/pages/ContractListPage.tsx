import { DownloadOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { CONTRACT_STATUSES, type ContractStatus } from '@sales/core';
import { Button, Card, Tag, Tooltip } from 'antd';
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
import { formatDate, orDash } from '../../../components/format';
import { ListViewTabs } from '../../../components/ListViewTabs';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { readListView } from '../../../components/useListViews';
import { useContractList } from '../api';
import { ContractFilterBar } from '../components/ContractFilterBar';
import { CONTRACT_CREATE, CONTRACT_EXPORT, CONTRACT_PRICES, CONTRACT_STATUS_COLORS } from '../constants';
import type { ContractFilters, ContractListItem } from '../types';

const KEYS = ['keyword', 'status', 'customerId', 'ownerId', 'expiringWithinDays', 'overdue', 'deliveryLate'] as const;

// 列设置: never hidden; hidden until shown (the table then fits 1366 px, issue 11).
const KEY_COLUMNS = ['no', 'title', 'status', 'amount'];
// The four amounts stay: the ledger is about them (and 法务 must see each one masked).
const DEFAULT_HIDDEN = ['endDate', 'signedDate', 'ownerName'];

function readFilters(sp: URLSearchParams): ContractFilters {
  const f: ContractFilters = {};
  const kw = sp.get('keyword');
  if (kw) f.keyword = kw;
  const status = sp.get('status');
  if (status && (CONTRACT_STATUSES as readonly string[]).includes(status)) f.status = status as ContractStatus;
  for (const k of ['customerId', 'ownerId'] as const) {
    const v = Number(sp.get(k));
    if (Number.isInteger(v) && v > 0) f[k] = v;
  }
  const days = sp.get('expiringWithinDays');
  if (days !== null && /^\d+$/.test(days)) f.expiringWithinDays = Number(days);
  if (sp.get('overdue') === 'true') f.overdue = 'true';
  if (sp.get('deliveryLate') === 'true') f.deliveryLate = 'true';
  const view = readListView(sp);
  if (view) f.view = view;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

/** 合同台账: every contract in scope with amount, invoiced, received, remaining, status and overdue flag. */
export function ContractListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);
  const filters = useMemo(() => readFilters(sp), [sp]);
  // The view counts are under the other filters (not the view itself, nor the order).
  const { sort: _vs, order: _vo, view: _vv, ...viewFilters } = filters;
  const query = useContractList({ ...filters, page, pageSize });
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };
  const onSearch = (f: ContractFilters) => {
    const changes: UrlPatch = {};
    for (const k of KEYS) changes[k] = f[k];
    update(changes);
  };
  const onExport = async () => {
    setExporting(true);
    try {
      const { sort: _s, order: _o, ...rest } = filters;
      await apiDownload('/api/contracts/export', rest as QueryParams, 'contracts.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };
  const sortCol = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(key, filters.sort, filters.order) });
  const label = (f: string) => t(`fields.contract.${f}`);
  // Without contract.prices the amounts come masked, and ranking by them would reveal them.
  const seesPrices = hasPermission(CONTRACT_PRICES);
  const money = (key: keyof ContractListItem, sortable = false) => ({
    title: label(key),
    dataIndex: key,
    align: 'right' as const,
    ...(sortable && seesPrices ? sortCol(key) : {}),
    render: (v: string | null, r: ContractListItem) => <MoneyText value={v} masked={r.pricesMasked} />,
  });

  const columns: ColumnsType<ContractListItem> = sized<ContractListItem>(
    [
      { title: label('no'), dataIndex: 'no', width: 150, fixed: 'left', ...sortCol('no') },
      {
        title: label('title'),
        dataIndex: 'title',
        render: (v: string, r) => (
          <Link to={`/contracts/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="contract-link">
            {v}
          </Link>
        ),
      },
      { title: label('customerName'), dataIndex: 'customerName' },
      {
        title: label('status'),
        dataIndex: 'status',
        render: (v: string, r) => (
          <>
            <StatusTag dict="contract.status" value={v} colors={CONTRACT_STATUS_COLORS} />
            {r.revision > 1 ? <Tag>{t('contract.revision', { n: r.revision })}</Tag> : null}
            {r.deliveryLate ? (
              <Tooltip title={t('contract.risk.delivery_late_short')}>
                <Tag color="orange" data-testid="contract-delivery-late">
                  {t('contract.risk.delivery_late_tag')}
                </Tag>
              </Tooltip>
            ) : null}
          </>
        ),
      },
      { ...money('amount', true) },
      { ...money('invoicedAmount') },
      { ...money('receivedAmount') },
      {
        ...money('remainingAmount'),
        render: (v: string | null, r) => (
          <>
            <MoneyText value={v} masked={r.pricesMasked} />
            {r.overdue ? (
              <Tooltip title={t('contract.risk.instalment_overdue_short')}>
                <WarningOutlined style={{ color: '#cf1322', marginInlineStart: 4 }} data-testid="contract-overdue" />
              </Tooltip>
            ) : null}
          </>
        ),
      },
      { title: label('endDate'), dataIndex: 'endDate', render: formatDate, ...sortCol('endDate') },
      { title: label('signedDate'), dataIndex: 'signedDate', render: formatDate },
      { title: label('ownerName'), dataIndex: 'ownerName', render: orDash },
    ],
    {
      no: 150,
      title: 150,
      customerName: 140,
      status: 130,
      amount: 115,
      invoicedAmount: 115,
      receivedAmount: 115,
      remainingAmount: 125,
      endDate: 120,
      signedDate: 110,
      ownerName: 80,
    },
    ['title', 'customerName', 'ownerName'],
  );

  return (
    <Card>
      <PageHeader
        title={t('menu.contracts')}
        extra={
          <>
            {hasPermission(CONTRACT_EXPORT) ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="contract-export"
              >
                {t('common.export')}
              </Button>
            ) : null}
            {hasPermission(CONTRACT_CREATE) && seesPrices ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/contracts/new')}
                data-testid="contract-new"
              >
                {t('contract.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ContractFilterBar value={filters} onSearch={onSearch} />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<ContractListItem>
          data-testid="contract-table"
          rowTestId="contract-row"
          columns={columns}
          settingsKey="contracts"
          keyColumns={KEY_COLUMNS}
          defaultHidden={DEFAULT_HIDDEN}
          toolbar={
            <ListViewTabs
              countsPath="/api/contracts/views"
              filters={viewFilters as QueryParams}
              value={filters.view}
              onChange={(v) => update({ view: v === 'all' ? undefined : v })}
              testIdPrefix="contract"
            />
          }
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/contracts/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
