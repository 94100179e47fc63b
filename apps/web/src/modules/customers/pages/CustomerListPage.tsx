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
import { PageHeader } from '../../../components/PageHeader';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { type CustomerFilters, type CustomerListItem, useCustomerList } from '../api';
import { CustomerFilterBar } from '../components/CustomerFilterBar';

const FILTER_KEYS = ['keyword', 'ownerId', 'class', 'region', 'source', 'tag', 'createdFrom', 'createdTo'] as const;
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

  const filters = useMemo(() => readFilters(sp), [sp]);
  const query = useCustomerList({ ...filters, page, pageSize });

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onSearch = (f: CustomerFilters) => {
    const changes: UrlPatch = {};
    for (const key of FILTER_KEYS) changes[key] = f[key];
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
    { title: t('fields.customer.no'), dataIndex: 'no', width: 150, fixed: 'left', ...sortCol('no') },
    {
      title: t('fields.customer.name'),
      dataIndex: 'name',
      fixed: 'left',
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
      render: (v: string | null) => <StatusTag dict="dict.customerClass" value={v} colors={CLASS_COLORS} />,
    },
    { title: t('fields.customer.mobile'), dataIndex: 'mobile', render: orDash },
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
    {
      title: t('fields.customer.tags'),
      dataIndex: 'tags',
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
    { title: t('fields.customer.ownerName'), dataIndex: 'ownerName', render: orDash },
    { title: t('fields.customer.deptName'), dataIndex: 'deptName', render: orDash },
    { title: t('fields.customer.lastFollowUpAt'), dataIndex: 'lastFollowUpAt', render: formatDateTime },
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
          columns={columns}
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
