import { type Money as Decimal, money } from '@sales/core';
import { App, Checkbox, DatePicker, InputNumber, Modal, Select, Skeleton, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { formatQty } from '../../stock/format';
import { useCreateProductionTasks, useOrder, useProductionTasks } from '../api';
import { TASK_KINDS } from '../constants';
import type { OrderDetail, OrderLine } from '../types';

interface Row {
  line: OrderLine;
  include: boolean;
  kind: 'stock' | 'production';
  qty: string | null;
  dueDate: Dayjs | null;
}

/** The line's active reservation still to be consumed. */
function reservedQty(order: OrderDetail, lineId: number): Decimal {
  return (order.reservations ?? [])
    .filter((r) => r.orderLineId === lineId && r.status === 'active')
    .reduce((sum, r) => sum.plus(r.qty).minus(r.consumedQty ?? 0), money(0));
}

/** What is neither delivered nor already on a (not cancelled) task of the line. */
function openQty(l: OrderLine, tasked: Map<number, Decimal>): string {
  const open = money(l.qty)
    .minus(l.deliveredQty)
    .minus(tasked.get(l.id) ?? 0);
  return open.gt(0) ? formatQty(open.toFixed(4)) : '0';
}

/** Creates 销售任务单 from an order's lines: 备货 (stock) or 排产 (production), quantity and due date each. */
export function TaskCreateModal({ orderId, onClose }: { orderId: number | null; onClose: () => void }) {
  return orderId ? <Loader key={orderId} orderId={orderId} onClose={onClose} /> : null;
}

function Loader({ orderId, onClose }: { orderId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useOrder(orderId);
  const tasks = useProductionTasks({ orderId });
  if (query.data && tasks.data) {
    const tasked = new Map<number, Decimal>();
    for (const task of tasks.data.items) {
      if (task.status === 'cancelled' || task.orderLineId === null) continue;
      tasked.set(task.orderLineId, (tasked.get(task.orderLineId) ?? money(0)).plus(task.qty));
    }
    return <Body order={query.data} tasked={tasked} onClose={onClose} />;
  }
  return (
    <Modal open title={t('planner.createTasks')} onCancel={onClose} footer={null}>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}

function Body({ order, tasked, onClose }: { order: OrderDetail; tasked: Map<number, Decimal>; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const create = useCreateProductionTasks(order.id);
  const due = order.promisedDate ?? order.requestedDate;
  const [rows, setRows] = useState<Row[]>(() =>
    order.lines.map((line) => ({
      line,
      include: Number(openQty(line, tasked)) > 0,
      // A line the review covered from stock is prepared (备货); the rest is produced (排产).
      kind: reservedQty(order, line.id).gte(money(line.qty).minus(line.deliveredQty)) ? 'stock' : 'production',
      qty: openQty(line, tasked),
      dueDate: due ? dayjs(due) : null,
    })),
  );
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.include);
  const valid = chosen.length > 0 && chosen.every((r) => r.qty && Number(r.qty) > 0 && r.dueDate);

  const submit = () =>
    create.mutate(
      chosen.map((r) => ({
        orderLineId: r.line.id,
        kind: r.kind,
        qty: String(r.qty),
        dueDate: (r.dueDate as Dayjs).format('YYYY-MM-DD'),
      })),
      {
        onSuccess: () => {
          message.success(t('planner.tasksCreated'));
          onClose();
        },
        onError: (err) => handleError(err),
      },
    );

  return (
    <Modal
      open
      width={860}
      title={t('planner.createTasksFor', { no: order.no, customer: order.customerName })}
      onCancel={onClose}
      onOk={submit}
      okText={t('planner.createTasks')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...buttonTestId('task-create-submit'), disabled: !valid }}
      confirmLoading={create.isPending}
    >
      <Table<Row>
        size="small"
        rowKey={(r) => r.line.id}
        pagination={false}
        dataSource={rows}
        data-testid="task-create-lines"
        columns={[
          {
            title: '',
            key: 'include',
            width: 36,
            render: (_, r, i) => (
              <Checkbox checked={r.include} onChange={(e) => set(i, { include: e.target.checked })} />
            ),
          },
          { title: t('fields.orderLine.productCode'), key: 'code', render: (_, r) => r.line.productCode ?? '-' },
          { title: t('fields.orderLine.description'), key: 'desc', render: (_, r) => r.line.description },
          { title: t('planner.openQty'), key: 'open', align: 'right', render: (_, r) => openQty(r.line, tasked) },
          {
            title: t('fields.productionTask.kind'),
            key: 'kind',
            render: (_, r, i) => (
              <Select
                size="small"
                value={r.kind}
                style={{ width: 96 }}
                onChange={(kind) => set(i, { kind })}
                options={TASK_KINDS.map((k) => ({ value: k, label: t(`planner.taskKind.${k}`) }))}
              />
            ),
          },
          {
            title: t('fields.productionTask.qty'),
            key: 'qty',
            render: (_, r, i) => (
              <InputNumber<string>
                size="small"
                stringMode
                min="0"
                value={r.qty}
                onChange={(qty) => set(i, { qty })}
                style={{ width: 110 }}
                data-testid="task-create-qty"
              />
            ),
          },
          {
            title: t('fields.productionTask.dueDate'),
            key: 'due',
            render: (_, r, i) => <DatePicker size="small" value={r.dueDate} onChange={(d) => set(i, { dueDate: d })} />,
          },
        ]}
      />
    </Modal>
  );
}
