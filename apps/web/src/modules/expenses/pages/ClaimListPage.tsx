import { InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CLAIM_STATUSES } from '@sales/core';
import { Button, Card, Input, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import type { QueryParams } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { DictSelect } from '../../../components/DictSelect';
import { formatDateTime } from '../../../components/format';
import { ListViewTabs } from '../../../components/ListViewTabs';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { readListView } from '../../../components/useListViews';
import { useClaimList } from '../api';
import { CLAIM_STATUS_COLORS, EXPENSE_CLAIM } from '../constants';
import type { ClaimListItem } from '../types';

/** 费用报销: the claims in scope (mine / my team's / all), newest first; a rejected one shows its reason. */
export function ClaimListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = { status: sp.get('status') ?? undefined, keyword: sp.get('keyword') ?? undefined };
  const view = readListView(sp);
  const list = useClaimList({ ...filters, view, page, pageSize });
  const f = (k: string) => t(`expenses.fields.${k}`);
  const columns: ColumnsType<ClaimListItem> = [
    {
      title: f('no'),
      dataIndex: 'no',
      key: 'no',
      width: 160,
      render: (v: string, r) => <Link to={`/expenses/claims/${r.id}`}>{v}</Link>,
    },
    { title: f('title'), dataIndex: 'title', key: 'title', width: 180, ellipsis: true },
    { title: f('claimant'), dataIndex: 'claimantName', key: 'claimant', width: 90 },
    { title: f('dept'), dataIndex: 'deptName', key: 'dept', width: 90, ellipsis: true },
    {
      title: f('total'),
      dataIndex: 'total',
      key: 'total',
      width: 120,
      align: 'right',
      render: (v: string) => <MoneyText value={v} />,
    },
    {
      title: f('status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (v: string, r) => (
        <Space size={4} wrap>
          <StatusTag dict="expenses.status" value={v} colors={CLAIM_STATUS_COLORS} testId={`claim-status-${r.id}`} />
          {r.overBudget ? <Tag color="orange">{t('expenses.overBudgetTag')}</Tag> : null}
          {r.rejectReason && (v === 'rejected' || v === 'draft') ? (
            <Tooltip title={r.rejectReason}>
              <Tag color="red" icon={<InfoCircleOutlined />} data-testid={`claim-reason-${r.id}`}>
                {t(v === 'rejected' ? 'expenses.reasonTag' : 'expenses.returnedTag')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: f('event'),
      dataIndex: 'eventTheme',
      key: 'event',
      width: 130,
      ellipsis: true,
      render: (v: string | null) => v ?? '-',
    },
    {
      title: f('createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.expenseClaims')}
        extra={
          hasPermission(EXPENSE_CLAIM) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/expenses/claims/new')}
              data-testid="claim-new"
            >
              {t('expenses.newClaim')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <Input.Search
            allowClear
            defaultValue={filters.keyword}
            placeholder={t('expenses.search')}
            onSearch={(v) => patch({ keyword: v.trim() || undefined })}
            style={{ width: 220 }}
            data-testid="claim-search"
          />
          <DictSelect
            dict="expenses.status"
            values={CLAIM_STATUSES}
            value={filters.status}
            placeholder={f('status')}
            onChange={(v) => patch({ status: v ?? undefined })}
            style={{ width: 140 }}
            testId="claim-status-filter"
          />
        </Space>
      </PageHeader>
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<ClaimListItem>
          data-testid="claims-table"
          rowTestId="claim-row"
          columns={columns}
          toolbar={
            <ListViewTabs
              countsPath="/api/expense-claims/views"
              filters={filters as QueryParams}
              value={view}
              onChange={(v) => patch({ view: v === 'all' ? undefined : v })}
              testIdPrefix="claim"
            />
          }
          items={list.data?.items}
          total={list.data?.total ?? 0}
          totalCapped={list.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          cardTitleKey="no"
          onRowClick={(r) => navigate(`/expenses/claims/${r.id}`)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
    </Card>
  );
}
