import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { QUOTE_STATUSES } from '@sales/core';
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
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { ListViewTabs } from '../../../components/ListViewTabs';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { readListView } from '../../../components/useListViews';
import { useQuoteList } from '../api';
import { QuoteFilterBar } from '../components/QuoteFilterBar';
import { QUOTE_CREATE, QUOTE_EXPORT, QUOTE_STATUS_COLORS } from '../constants';
import type { QuoteFilters, QuoteListItem, QuoteStatus } from '../types';

const FILTER_KEYS = ['keyword', 'status', 'ownerId', 'customerId', 'allVersions'] as const;

// 列设置: never hidden; hidden until shown (the table then fits 1366 px, issue 11).
const KEY_COLUMNS = ['no', 'title', 'status', 'totalGross'];
const DEFAULT_HIDDEN = ['totalNet', 'deptName', 'updatedAt'];

function readFilters(sp: URLSearchParams): QuoteFilters {
  const f: QuoteFilters = {};
  const kw = sp.get('keyword');
  if (kw) f.keyword = kw;
  const status = sp.get('status');
  if (status && (QUOTE_STATUSES as readonly string[]).includes(status)) f.status = status as QuoteStatus;
  for (const key of ['ownerId', 'customerId'] as const) {
    const v = Number(sp.get(key));
    if (Number.isInteger(v) && v > 0) f[key] = v;
  }
  if (sp.get('allVersions') === 'true') f.allVersions = 'true';
  const view = readListView(sp);
  if (view) f.view = view;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

/** 报价单列表: latest versions by default, scoped to what the user may see. */
export function QuoteListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);
  const filters = useMemo(() => readFilters(sp), [sp]);
  // The view counts are under the other filters (not the view itself, nor the order).
  const { sort: _vs, order: _vo, view: _vv, ...viewFilters } = filters;
  const query = useQuoteList({ ...filters, page, pageSize });
  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { sort: _s, order: _o, ...rest } = filters;
      await apiDownload('/api/quotes/export', rest as QueryParams, 'quotes.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  const sortCol = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(key, filters.sort, filters.order) });
  const label = (f: string) => t(`fields.quote.${f}`);
  const columns: ColumnsType<QuoteListItem> = sized<QuoteListItem>(
    [
      {
        title: label('no'),
        dataIndex: 'no',
        width: 190,
        fixed: 'left',
        ...sortCol('no'),
        render: (no: string, r) => (
          <Link to={`/quotes/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="quote-link">
            {no}
            {r.revision > 1 ? (
              <Tag style={{ marginInlineStart: 4 }}>{t('quote.revisionShort', { n: r.revision })}</Tag>
            ) : null}
          </Link>
        ),
      },
      { title: label('title'), dataIndex: 'title' },
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
            <StatusTag dict="quote.status" value={v} colors={QUOTE_STATUS_COLORS} />
            {r.approvalReasons.includes('below_floor') ? (
              <Tooltip title={t('quote.reason.below_floor')}>
                <Tag color="warning">{t('quote.belowFloorTag')}</Tag>
              </Tooltip>
            ) : null}
          </>
        ),
      },
      {
        title: label('totalNet'),
        dataIndex: 'totalNet',
        align: 'right',
        render: (v: string) => <MoneyText value={v} />,
      },
      {
        title: label('totalGross'),
        dataIndex: 'totalGross',
        align: 'right',
        ...sortCol('totalGross'),
        render: (v: string) => <MoneyText value={v} />,
      },
      { title: label('validUntil'), dataIndex: 'validUntil', render: formatDate, ...sortCol('validUntil') },
      { title: label('ownerName'), dataIndex: 'ownerName', render: orDash },
      { title: label('deptName'), dataIndex: 'deptName', render: orDash },
      { title: label('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime, ...sortCol('updatedAt') },
    ],
    {
      no: 190,
      title: 190,
      customerName: 190,
      status: 130,
      totalNet: 120,
      totalGross: 130,
      validUntil: 120,
      ownerName: 90,
      deptName: 100,
      updatedAt: 150,
    },
    ['title', 'customerName', 'ownerName', 'deptName'],
  );

  return (
    <Card>
      <PageHeader
        title={t('menu.quotes')}
        extra={
          <>
            {hasPermission(QUOTE_EXPORT) ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="quote-export"
              >
                {t('common.export')}
              </Button>
            ) : null}
            {hasPermission(QUOTE_CREATE) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/quotes/new')}
                data-testid="quote-new"
              >
                {t('quote.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <QuoteFilterBar
        value={filters}
        onSearch={(f) => {
          const changes: UrlPatch = {};
          for (const key of FILTER_KEYS) if (key !== 'customerId') changes[key] = f[key];
          update(changes);
        }}
      />
      {filters.customerId ? (
        <Tag closable onClose={() => update({ customerId: undefined })} style={{ marginBottom: 12 }}>
          {t('quote.filter.customerOnly')}
        </Tag>
      ) : null}
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<QuoteListItem>
          data-testid="quote-table"
          rowTestId="quote-row"
          columns={columns}
          settingsKey="quotes"
          keyColumns={KEY_COLUMNS}
          defaultHidden={DEFAULT_HIDDEN}
          toolbar={
            <ListViewTabs
              countsPath="/api/quotes/views"
              filters={viewFilters as QueryParams}
              value={filters.view}
              onChange={(v) => update({ view: v === 'all' ? undefined : v })}
              testIdPrefix="quote"
            />
          }
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/quotes/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
