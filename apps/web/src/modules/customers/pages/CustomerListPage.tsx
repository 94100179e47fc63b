import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiDownload, type QueryParams } from '../../../app/api';
import { CLASS_COLORS } from '../../../app/dictionaries';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable, type SortOrder, sortOrderOf } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import { ListViewTabs } from '../../../components/ListViewTabs';
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import type { ListView } from '../../../components/useListViews';
import { readListView } from '../../../components/useListViews';
import { type CustomerFilters, type CustomerListItem, useCustomerList } from '../api';
import { BULK_MAX, type BulkRow } from '../bulkApi';
import { INTENT_COLORS } from '../components/attributes';
import { CustomerBulkActions } from '../components/CustomerBulkActions';
import { CustomerFilterBar } from '../components/CustomerFilterBar';
import { SavedCustomerFilters } from '../components/SavedCustomerFilters';

// 列设置: never hidden; hidden until shown (the table then fits 1366 px, issue 11).
const KEY_COLUMNS = ['no', 'name', 'class'];
const DEFAULT_HIDDEN = [
  'kind',
  'industry',
  'source',
  'tags',
  'purchaseIntent',
  'occupation',
  'deptName',
  'createdAt',
  'updatedAt',
];

const FILTER_KEYS = [
  'keyword',
  'ownerId',
  'class',
  'region',
  'source',
  'tag',
  'createdFrom',
  'createdTo',
  'purchaseIntent',
  'ageFrom',
  'ageTo',
  'occupation',
  'gender',
  'interests',
  'lastDealFrom',
  'lastDealTo',
] as const;
// Not a filter-bar field: the 已归档 switch above the filters.
const ARCHIVED = 'archived';

function readFilters(sp: URLSearchParams): CustomerFilters {
  const f: CustomerFilters = {};
  for (const key of FILTER_KEYS) {
    const v = sp.get(key);
    if (!v) continue;
    if (key === 'ownerId') f.ownerId = Number(v);
    else f[key] = v;
  }
  if (sp.get(ARCHIVED) === 'true') f.archived = 'true';
  const view = readListView(sp);
  if (view) f.view = view;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

export function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);
  // Selected rows across pages (id → the version it was seen at), for the bulk actions.
  const [selected, setSelected] = useState<Map<number, BulkRow>>(new Map());
  const canBulk = ['customer.transfer', 'pool.claim', 'customer.export'].some((p) => hasPermission(p));

  const filters = useMemo(() => readFilters(sp), [sp]);
  const query = useCustomerList({ ...filters, page, pageSize });
  const { sort: _s, order: _o, view: _v, ...viewFilters } = filters;

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onSearch = (f: CustomerFilters) => {
    const changes: UrlPatch = {};
    for (const key of FILTER_KEYS) changes[key] = f[key];
    update(changes);
  };

  // The filters a saved filter keeps: the filter bar's, the 已归档 switch and the view tab.
  const savable = useMemo(() => {
    const out: Record<string, string> = {};
    for (const key of [...FILTER_KEYS, ARCHIVED, 'view'] as const) {
      const v = sp.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [sp]);
  const applySaved = (f: Record<string, string>) => {
    const changes: UrlPatch = {};
    for (const key of [...FILTER_KEYS, ARCHIVED, 'view'] as const) changes[key] = f[key];
    update(changes);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { sort, order, ...rest } = filters;
      await apiDownload('/api/customers/export', { ...rest, sort, order } as QueryParams, 'customers.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  const sortCol = (key: string) => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(key, filters.sort, filters.order),
  });

  const columns: ColumnsType<CustomerListItem> = [
    { title: t('fields.customer.no'), dataIndex: 'no', width: 160, fixed: 'left', ...sortCol('no') },
    {
      title: t('fields.customer.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 280,
      ellipsis: true,
      ...sortCol('name'),
      render: (name: string, r) => (
        <Link to={`/customers/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="customer-link">
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
      width: 90,
      render: (v: string | null) => <StatusTag dict="dict.customerClass" value={v} colors={CLASS_COLORS} />,
    },
    { title: t('fields.customer.mobile'), dataIndex: 'mobile', width: 120, render: orDash },
    {
      title: t('fields.customer.region'),
      dataIndex: 'region',
      width: 80,
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
    {
      title: t('fields.customer.tags'),
      dataIndex: 'tags',
      width: 120,
      ellipsis: true,
      render: (tags: string[]) =>
        tags?.length ? (
          <Space size={[0, 4]} wrap>
            {tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        ) : (
          '-'
        ),
    },
    {
      title: t('fields.customer.purchaseIntent'),
      dataIndex: 'purchaseIntent',
      width: 90,
      render: (v: string | null) => <StatusTag dict="dict.purchaseIntent" value={v} colors={INTENT_COLORS} />,
    },
    {
      title: t('fields.customer.occupation'),
      dataIndex: 'occupation',
      render: (v) => <DictText dict="dict.occupation" value={v} />,
    },
    { title: t('fields.customer.ownerName'), dataIndex: 'ownerName', width: 90, ellipsis: true, render: orDash },
    { title: t('fields.customer.deptName'), dataIndex: 'deptName', render: orDash },
    {
      title: t('fields.customer.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      width: 150,
      render: formatDateTime,
    },
    { title: t('fields.customer.createdAt'), dataIndex: 'createdAt', render: formatDateTime, ...sortCol('createdAt') },
    { title: t('fields.customer.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime, ...sortCol('updatedAt') },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.customerList')}
        extra={
          <>
            {hasPermission('customer.export') ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="customer-export"
              >
                {t('common.export')}
              </Button>
            ) : null}
            {hasPermission('customer.create') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/customers/new')}
                data-testid="customer-new"
              >
                {t('customer.new')}
              </Button>
            ) : null}
          </>
        }
      />
      {hasPermission('customer.delete') ? (
        // 已归档: customers deleted within the retention period (records.retentionYears) are kept here.
        <Segmented
          style={{ marginBottom: 12 }}
          data-testid="customer-archived-switch"
          value={filters.archived ? 'archived' : 'active'}
          onChange={(v) => update({ [ARCHIVED]: v === 'archived' ? 'true' : undefined })}
          options={[
            { value: 'active', label: t('customer.activeList') },
            { value: 'archived', label: t('customer.archivedList') },
          ]}
        />
      ) : null}
      <CustomerFilterBar value={filters} onSearch={onSearch} />

      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<CustomerListItem>
          data-testid="customer-table"
          rowTestId="customer-row"
          cardTitleKey="name"
          columns={columns}
          settingsKey="customers"
          keyColumns={KEY_COLUMNS}
          defaultHidden={DEFAULT_HIDDEN}
          rowSelection={
            canBulk
              ? {
                  selectedRowKeys: [...selected.keys()],
                  preserveSelectedRowKeys: true,
                  onChange: (keys, rows) =>
                    setSelected((prev) => {
                      const next = new Map<number, BulkRow>();
                      for (const k of keys) {
                        const r = rows.find((x) => x?.id === k);
                        const row = r ? { id: r.id, version: r.version } : prev.get(Number(k));
                        if (row) next.set(row.id, row);
                      }
                      return next;
                    }),
                  getCheckboxProps: (r) => ({ disabled: selected.size >= BULK_MAX && !selected.has(r.id) }),
                }
              : undefined
          }
          toolbar={
            <Space wrap size={[16, 8]}>
              <ListViewTabs
                countsPath="/api/customers/views"
                filters={viewFilters as QueryParams}
                value={filters.view as ListView | undefined}
                onChange={(v) => update({ view: v === 'all' ? undefined : v })}
                testIdPrefix="customer"
              />
              <SavedCustomerFilters current={savable} onApply={applySaved} />
              <CustomerBulkActions
                selected={[...selected.values()]}
                archived={!!filters.archived}
                onDone={() => setSelected(new Map())}
              />
            </Space>
          }
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/customers/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
