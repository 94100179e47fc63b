import { PlusOutlined } from '@ant-design/icons';
import { EXPENSE_CATEGORIES } from '@sales/core';
import { Button, Card, DatePicker, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { DictSelect } from '../../../components/DictSelect';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { useBudgetList } from '../api';
import { BudgetDrawer } from '../components/BudgetDrawer';
import { BudgetFormModal } from '../components/BudgetFormModal';
import { BudgetUsage } from '../components/BudgetUsage';
import { BUDGET_MANAGE } from '../constants';
import type { Budget } from '../types';

const KINDS = ['dept', 'event'] as const;

/** 费用预算: the budgets of the departments in scope and of events, with what claims reserved and used. */
export function BudgetListPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { sp, page, pageSize, patch } = useListUrlState();
  const filters = {
    category: sp.get('category') ?? undefined,
    kind: sp.get('kind') ?? undefined,
    on: sp.get('on') ?? undefined,
  };
  const list = useBudgetList({ ...filters, page, pageSize });
  const [editing, setEditing] = useState<Budget | 'new' | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const canManage = hasPermission(BUDGET_MANAGE);
  const b = (k: string) => t(`expenses.budgets.${k}`);
  const money = (title: string, key: keyof Budget) => ({
    title,
    dataIndex: key,
    key,
    width: 105,
    align: 'right' as const,
    render: (v: string) => <MoneyText value={v} />,
  });
  const columns: ColumnsType<Budget> = [
    {
      title: b('scope'),
      key: 'scope',
      width: 180,
      ellipsis: true,
      render: (_, r) => (
        <Space size={4}>
          <Tag>{r.eventId ? b('kindEvent') : b('kindDept')}</Tag>
          <span>{r.eventTheme ?? r.deptName}</span>
        </Space>
      ),
    },
    {
      title: t('expenses.fields.category'),
      dataIndex: 'category',
      key: 'category',
      width: 90,
      render: (v: string) => t(`expenses.category.${v}`),
    },
    {
      title: b('period'),
      key: 'period',
      width: 190,
      render: (_, r) =>
        r.periodStart ? `${formatDate(r.periodStart)} ~ ${formatDate(r.periodEnd)}` : b('eventPeriod'),
    },
    money(b('amount'), 'amount'),
    money(b('reserved'), 'reserved'),
    money(b('used'), 'used'),
    {
      title: b('remaining'),
      dataIndex: 'remaining',
      key: 'remaining',
      width: 105,
      align: 'right',
      render: (v: string, r) =>
        r.overrun ? (
          <Typography.Text type="danger">
            <MoneyText value={v} />
          </Typography.Text>
        ) : (
          <MoneyText value={v} />
        ),
    },
    { title: b('usage'), key: 'usage', width: 190, render: (_, r) => <BudgetUsage b={r} /> },
  ];
  return (
    <Card>
      <PageHeader
        title={b('title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="budget-new">
              {b('new')}
            </Button>
          ) : null
        }
      >
        <Space wrap>
          <Select<string>
            allowClear
            value={filters.kind}
            placeholder={b('kind')}
            onChange={(v) => patch({ kind: v ?? undefined })}
            options={KINDS.map((k) => ({ value: k, label: b(k === 'dept' ? 'kindDept' : 'kindEvent') }))}
            style={{ width: 130 }}
            data-testid="budget-kind-filter"
          />
          <DictSelect
            dict="expenses.category"
            values={EXPENSE_CATEGORIES}
            value={filters.category}
            placeholder={t('expenses.fields.category')}
            onChange={(v) => patch({ category: v ?? undefined })}
            style={{ width: 130 }}
            testId="budget-category-filter"
          />
          <DatePicker
            placeholder={b('on')}
            value={filters.on ? dayjs(filters.on) : null}
            onChange={(d) => patch({ on: d ? d.format('YYYY-MM-DD') : undefined })}
            data-testid="budget-on-filter"
          />
        </Space>
      </PageHeader>
      {list.isError && !list.data ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Budget>
          data-testid="budgets-table"
          rowTestId="budget-row"
          columns={columns}
          items={list.data?.items}
          total={list.data?.total ?? 0}
          totalCapped={list.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          cardTitleKey="scope"
          onRowClick={(r) => setOpen(r.id)}
          onPageChange={(p, ps) =>
            patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)
          }
        />
      )}
      <BudgetDrawer budgetId={open} canManage={canManage} onEdit={(x) => setEditing(x)} onClose={() => setOpen(null)} />
      {editing && <BudgetFormModal budget={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
