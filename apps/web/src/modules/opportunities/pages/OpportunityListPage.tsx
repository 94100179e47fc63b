import { DownloadOutlined, PlusOutlined, ProjectOutlined } from '@ant-design/icons';
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
import { StatusTag } from '../../../components/StatusTag';
import { type UrlPatch, useListUrlState } from '../../../components/useListUrlState';
import { readListView } from '../../../components/useListViews';
import { useOpportunityList } from '../api';
import { OpportunityFilterBar } from '../components/OpportunityFilterBar';
import { StageTag } from '../components/StageTag';
import {
  OPPORTUNITY_CREATE,
  OPPORTUNITY_EXPORT,
  OPPORTUNITY_STATUSES,
  type OpportunityStatus,
  STATUS_COLORS,
} from '../constants';
import type { OpportunityFilters, OpportunityListItem } from '../types';

const TEXT_KEYS = ['keyword', 'closeFrom', 'closeTo'] as const;
const ID_KEYS = ['pipelineId', 'stageId', 'ownerId', 'customerId'] as const;
const FILTER_KEYS = [...TEXT_KEYS, ...ID_KEYS, 'status'] as const;

// 列设置: never hidden; hidden until shown (the table then fits 1366 px, issue 11).
const KEY_COLUMNS = ['no', 'name', 'status', 'amount'];
const DEFAULT_HIDDEN = ['pipelineName', 'probability', 'checklist', 'deptName', 'createdAt', 'updatedAt'];

function readFilters(sp: URLSearchParams): OpportunityFilters {
  const f: OpportunityFilters = {};
  for (const key of TEXT_KEYS) {
    const v = sp.get(key);
    if (v) f[key] = v;
  }
  for (const key of ID_KEYS) {
    const v = Number(sp.get(key));
    if (Number.isInteger(v) && v > 0) f[key] = v;
  }
  const status = sp.get('status');
  if (status && (OPPORTUNITY_STATUSES as readonly string[]).includes(status)) f.status = status as OpportunityStatus;
  const view = readListView(sp);
  if (view) f.view = view;
  const sort = sp.get('sort');
  const order = sp.get('order');
  if (sort) f.sort = sort;
  if (order === 'asc' || order === 'desc') f.order = order;
  return f;
}

export function OpportunityListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const { sp, page, pageSize, patch } = useListUrlState();
  const [exporting, setExporting] = useState(false);

  const filters = useMemo(() => readFilters(sp), [sp]);
  // The view counts are under the other filters (not the view itself, nor the order).
  const { sort: _vs, order: _vo, view: _vv, ...viewFilters } = filters;
  const query = useOpportunityList({ ...filters, page, pageSize });

  const update = (changes: UrlPatch, resetPage = true) => {
    if (!patch(changes, resetPage)) void query.refetch();
  };

  const onSearch = (f: OpportunityFilters) => {
    const changes: UrlPatch = {};
    // customerId has no field in the bar: it stays as the link that opened the list set it.
    for (const key of FILTER_KEYS) if (key !== 'customerId') changes[key] = f[key];
    update(changes);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const { sort: _sort, order: _order, ...rest } = filters;
      await apiDownload('/api/opportunities/export', rest as QueryParams, 'opportunities.xlsx');
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
  const label = (f: string) => t(`fields.opportunity.${f}`);

  const columns: ColumnsType<OpportunityListItem> = sized<OpportunityListItem>(
    [
      { title: label('no'), dataIndex: 'no', width: 150, fixed: 'left', ...sortCol('no') },
      {
        title: label('name'),
        dataIndex: 'name',
        fixed: 'left',
        ...sortCol('name'),
        render: (name: string, r) => (
          <Link to={`/opportunities/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="opportunity-link">
            {name}
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
      { title: label('pipelineName'), dataIndex: 'pipelineName' },
      {
        title: label('stageName'),
        dataIndex: 'stageName',
        render: (v: string, r) => <StageTag name={v} kind={r.stageKind} />,
      },
      {
        title: label('status'),
        dataIndex: 'status',
        render: (v: string) => <StatusTag dict="opportunity.status" value={v} colors={STATUS_COLORS} />,
      },
      {
        title: label('amount'),
        dataIndex: 'amount',
        align: 'right',
        ...sortCol('amount'),
        render: (v: string) => <MoneyText value={v} />,
      },
      {
        title: label('probability'),
        dataIndex: 'probability',
        align: 'right',
        render: (v: number) => t('opportunity.percent', { value: v }),
      },
      {
        title: label('checklist'),
        key: 'checklist',
        render: (_, r) =>
          r.checklistTotal > 0 && r.status === 'open' ? (
            <Tag color={r.checklistDone >= r.checklistTotal ? 'success' : 'warning'}>
              {r.checklistDone}/{r.checklistTotal}
            </Tag>
          ) : (
            '-'
          ),
      },
      {
        title: label('expectedCloseDate'),
        dataIndex: 'expectedCloseDate',
        render: formatDate,
        ...sortCol('expectedCloseDate'),
      },
      { title: label('ownerName'), dataIndex: 'ownerName', render: orDash },
      { title: label('deptName'), dataIndex: 'deptName', render: orDash },
      { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime, ...sortCol('createdAt') },
      { title: label('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime, ...sortCol('updatedAt') },
    ],
    {
      no: 150,
      name: 180,
      customerName: 170,
      pipelineName: 120,
      stageName: 110,
      status: 90,
      amount: 130,
      probability: 80,
      checklist: 80,
      expectedCloseDate: 130,
      ownerName: 80,
      deptName: 100,
      createdAt: 150,
      updatedAt: 150,
    },
    ['name', 'customerName', 'pipelineName', 'ownerName', 'deptName'],
  );

  return (
    <Card>
      <PageHeader
        title={t('menu.opportunityList')}
        extra={
          <>
            <Button
              icon={<ProjectOutlined />}
              onClick={() =>
                navigate(
                  filters.pipelineId
                    ? `/opportunities/kanban?pipelineId=${filters.pipelineId}`
                    : '/opportunities/kanban',
                )
              }
              data-testid="opportunity-to-kanban"
            >
              {t('menu.opportunityKanban')}
            </Button>
            {hasPermission(OPPORTUNITY_EXPORT) ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void onExport()}
                data-testid="opportunity-export"
              >
                {t('common.export')}
              </Button>
            ) : null}
            {hasPermission(OPPORTUNITY_CREATE) ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/opportunities/new')}
                data-testid="opportunity-new"
              >
                {t('opportunity.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <OpportunityFilterBar value={filters} onSearch={onSearch} />
      {filters.customerId ? (
        <Tag
          closable
          onClose={() => update({ customerId: undefined })}
          style={{ marginBottom: 12 }}
          data-testid="opportunity-filter-customer"
        >
          {t('opportunity.filter.customerOnly')}
        </Tag>
      ) : null}
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<OpportunityListItem>
          data-testid="opportunity-table"
          rowTestId="opportunity-row"
          columns={columns}
          settingsKey="opportunities"
          keyColumns={KEY_COLUMNS}
          defaultHidden={DEFAULT_HIDDEN}
          toolbar={
            <ListViewTabs
              countsPath="/api/opportunities/views"
              filters={viewFilters as QueryParams}
              value={filters.view}
              onChange={(v) => update({ view: v === 'all' ? undefined : v })}
              testIdPrefix="opportunity"
            />
          }
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onRowClick={(r) => navigate(`/opportunities/${r.id}`)}
          onPageChange={(p, ps) =>
            update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
          onSortChange={(field, order?: SortOrder) => update({ sort: field, order: field ? order : undefined })}
        />
      )}
    </Card>
  );
}
