import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useProductionTasks } from '../api';
import { ORDER_PLAN } from '../constants';
import type { OrderDetail } from '../types';
import { TaskCreateModal } from './TaskCreateModal';
import { TaskTable } from './TaskTable';

const PLANNABLE = new Set(['approved', 'in_preparation', 'partially_delivered']);

/** The order's 销售任务单; planners create more from its lines once it is approved. */
export function OrderTasksTab({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [creating, setCreating] = useState(false);
  const canPlan = hasPermission(ORDER_PLAN);
  const query = useProductionTasks({ orderId: order.id }, canPlan);
  if (!canPlan) return <span>{t('planner.noPermission')}</span>;
  return (
    <>
      {PLANNABLE.has(order.status) ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          style={{ marginBottom: 8, marginInlineEnd: 8 }}
          data-testid="order-create-tasks"
        >
          {t('planner.createTasks')}
        </Button>
      ) : null}
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <TaskTable tasks={query.data?.items ?? []} loading={query.isFetching} showOrder={false} />
      )}
      <TaskCreateModal orderId={creating ? order.id : null} onClose={() => setCreating(false)} />
    </>
  );
}
