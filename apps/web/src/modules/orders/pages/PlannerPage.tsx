import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { formatQty } from '../../stock/format';
import { usePlannerSummary, useProductionTasks } from '../api';
import { TaskCreateModal } from '../components/TaskCreateModal';
import { TaskTable } from '../components/TaskTable';
import { TASK_STATUSES } from '../constants';
import type { PlannerOrderRef, PlannerRow } from '../types';

function Shortage({ value }: { value: string }) {
  return Number(value) > 0 ? (
    <Typography.Text type="danger" strong data-testid="planner-shortage">
      {formatQty(value)}
    </Typography.Text>
  ) : (
    <span>{formatQty(value)}</span>
  );
}

/** 计划排产 (SPEC 3.4): 订货排产情况汇总表 of approved orders, and the 销售任务单 made from them. */
export function PlannerPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [planOrder, setPlanOrder] = useState<number | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const summary = usePlannerSummary({ from, to });
  const tasks = useProductionTasks({ status });
  const label = (f: string) => t(`fields.planner.${f}`);
  const today = dayjs().format('YYYY-MM-DD');

  const columns: ColumnsType<PlannerRow> = [
    { title: label('productCode'), dataIndex: 'productCode' },
    { title: label('productName'), dataIndex: 'productName' },
    { title: label('spec'), dataIndex: 'spec', render: orDash },
    { title: label('unit'), dataIndex: 'unit', render: orDash },
    { title: label('orderedQty'), dataIndex: 'orderedQty', align: 'right', render: formatQty },
    { title: label('deliveredQty'), dataIndex: 'deliveredQty', align: 'right', render: formatQty },
    { title: label('openQty'), dataIndex: 'openQty', align: 'right', render: formatQty },
    { title: label('reservedQty'), dataIndex: 'reservedQty', align: 'right', render: formatQty },
    { title: label('onHand'), dataIndex: 'onHand', align: 'right', render: formatQty },
    { title: label('available'), dataIndex: 'available', align: 'right', render: formatQty },
    { title: label('shortage'), dataIndex: 'shortage', align: 'right', render: (v: string) => <Shortage value={v} /> },
    { title: label('plannedQty'), dataIndex: 'plannedQty', align: 'right', render: formatQty },
    { title: label('doneQty'), dataIndex: 'doneQty', align: 'right', render: formatQty },
    {
      title: label('earliestDue'),
      dataIndex: 'earliestDue',
      render: (v: string | null) => (
        <span style={v && v < today ? { color: '#ff4d4f' } : undefined}>{formatDate(v)}</span>
      ),
    },
  ];

  const expanded = (row: PlannerRow) => (
    <Table<PlannerOrderRef>
      size="small"
      rowKey="orderId"
      pagination={false}
      dataSource={row.orders}
      data-testid="planner-orders"
      columns={[
        {
          title: t('fields.order.no'),
          dataIndex: 'no',
          render: (v: string, r) => <Link to={`/orders/${r.orderId}`}>{v}</Link>,
        },
        { title: t('fields.order.customerName'), dataIndex: 'customerName' },
        { title: label('openQty'), dataIndex: 'qty', align: 'right', render: formatQty },
        { title: t('fields.order.promisedDate'), dataIndex: 'promisedDate', render: formatDate },
        {
          title: t('common.actions'),
          key: 'plan',
          render: (_, r) => (
            <Button
              size="small"
              type="link"
              icon={<PlusOutlined />}
              onClick={() => setPlanOrder(r.orderId)}
              data-testid="planner-create-tasks"
            >
              {t('planner.createTasks')}
            </Button>
          ),
        },
      ]}
    />
  );

  return (
    <Card>
      <PageHeader
        title={t('menu.planner')}
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void summary.refetch();
              void tasks.refetch();
            }}
          >
            {t('common.reload')}
          </Button>
        }
      />
      <Tabs
        items={[
          {
            key: 'summary',
            label: <span data-testid="tab-summary">{t('planner.summaryTitle')}</span>,
            children: (
              <>
                <Space style={{ marginBottom: 12 }} wrap>
                  <span>{t('planner.dueRange')}</span>
                  <DatePicker.RangePicker
                    allowEmpty={[true, true]}
                    value={range}
                    onChange={(v) => setRange(v)}
                    data-testid="planner-range"
                  />
                </Space>
                {summary.isError ? (
                  <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
                ) : (
                  <Table<PlannerRow>
                    size="small"
                    rowKey="productId"
                    loading={summary.isFetching}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    data-testid="planner-summary"
                    dataSource={summary.data?.items}
                    columns={columns}
                    rowClassName={(r) => (Number(r.shortage) > 0 ? 'planner-short' : '')}
                    onRow={(r) =>
                      ({
                        'data-testid': 'planner-row',
                        style: Number(r.shortage) > 0 ? { background: '#fff1f0' } : undefined,
                      }) as React.HTMLAttributes<HTMLElement>
                    }
                    expandable={{ expandedRowRender: expanded, rowExpandable: (r) => r.orders.length > 0 }}
                  />
                )}
              </>
            ),
          },
          {
            key: 'tasks',
            label: <span data-testid="tab-tasks">{t('planner.tasksTitle')}</span>,
            children: (
              <>
                <Space style={{ marginBottom: 12 }}>
                  <span>{t('fields.productionTask.status')}</span>
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={t('common.pleaseSelect')}
                    value={status}
                    onChange={setStatus}
                    options={TASK_STATUSES.map((s) => ({ value: s, label: t(`planner.taskStatus.${s}`) }))}
                    data-testid="planner-task-status"
                  />
                </Space>
                {tasks.isError ? (
                  <QueryErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />
                ) : (
                  <TaskTable tasks={tasks.data?.items ?? []} loading={tasks.isFetching} />
                )}
              </>
            ),
          },
        ]}
      />
      <TaskCreateModal orderId={planOrder} onClose={() => setPlanOrder(null)} />
    </Card>
  );
}
