import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { formatDate, orDash } from '../../../components/format';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { formatQty } from '../../stock/format';
import { ORDER_PLAN, TASK_STATUS_COLORS } from '../constants';
import type { ProductionTask } from '../types';
import { TaskProgressModal } from './TaskProgressModal';

/** Opens the 销售任务单 PDF (two copies: kept / to production) of the given tasks. */
export function printTasks(ids: number[]) {
  window.open(`/api/production-tasks/print?ids=${ids.join(',')}`, '_blank', 'noopener');
}

function percent(t: ProductionTask): number {
  const q = Number(t.qty);
  return q > 0 ? Math.min(100, Math.round((Number(t.doneQty) / q) * 100)) : 0;
}

/** 销售任务单 list with progress; planners update progress and print selected tasks. */
export function TaskTable({
  tasks,
  loading,
  showOrder = true,
}: {
  tasks: ProductionTask[];
  loading?: boolean;
  showOrder?: boolean;
}) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const canPlan = hasPermission(ORDER_PLAN);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<ProductionTask | null>(null);
  const label = (f: string) => t(`fields.productionTask.${f}`);
  const overdue = (task: ProductionTask) =>
    (task.status === 'planned' || task.status === 'in_progress') &&
    task.dueDate < new Date().toISOString().slice(0, 10);

  const columns: ColumnsType<ProductionTask> = [
    { title: label('no'), dataIndex: 'no', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    ...(showOrder
      ? [
          {
            title: label('orderNo'),
            dataIndex: 'orderNo',
            render: (v: string | null, r: ProductionTask) => (
              <Link to={`/orders/${r.orderId}?tab=tasks`}>{v ?? r.orderId}</Link>
            ),
          },
          { title: label('customerName'), dataIndex: 'customerName', render: orDash },
        ]
      : []),
    {
      title: label('product'),
      key: 'product',
      render: (_, r) => `${r.productCode ?? ''} ${r.productName ?? ''}`.trim() || r.productId,
    },
    { title: label('kind'), dataIndex: 'kind', render: (v: string) => <DictText dict="planner.taskKind" value={v} /> },
    { title: label('qty'), dataIndex: 'qty', align: 'right', render: formatQty },
    {
      title: label('progress'),
      key: 'progress',
      width: 160,
      render: (_, r) => (
        <Progress
          percent={percent(r)}
          size="small"
          status={r.status === 'done' ? 'success' : overdue(r) ? 'exception' : 'active'}
          format={() => `${formatQty(r.doneQty)}/${formatQty(r.qty)}`}
        />
      ),
    },
    {
      title: label('dueDate'),
      dataIndex: 'dueDate',
      render: (v: string, r) => <span style={overdue(r) ? { color: '#ff4d4f' } : undefined}>{formatDate(v)}</span>,
    },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="planner.taskStatus" value={v} colors={TASK_STATUS_COLORS} />,
    },
    { title: label('progressNote'), dataIndex: 'progressNote', render: orDash },
    ...(canPlan
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: ProductionTask) => (
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(r)}
                data-testid="task-progress"
              >
                {t('planner.updateProgress')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button
          icon={<PrinterOutlined />}
          disabled={selected.length === 0}
          onClick={() => printTasks(selected)}
          data-testid="task-print"
        >
          {t('planner.printSelected', { n: selected.length })}
        </Button>
      </Space>
      <Table<ProductionTask>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="task-table"
        dataSource={tasks}
        columns={columns}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
      />
      <TaskProgressModal task={editing} onClose={() => setEditing(null)} />
    </>
  );
}
