import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useWorkbench } from '../../workbench/api';
import { WaitingForMe } from '../../workbench/components/WaitingForMe';
import { type TaskBucket, type TaskItem, useCompleteTask, useMyTasks, useTaskCount } from '../api';

const BUCKETS: TaskBucket[] = ['today', 'overdue', 'upcoming', 'done'];
const STATUS_COLORS: Record<string, string> = { open: 'processing', done: 'success', cancelled: 'default' };

function TaskTable({ bucket }: { bucket: TaskBucket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [sp, setSp] = useSearchParams();
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const query = useMyTasks(bucket, page, pageSize);
  const complete = useCompleteTask();

  if (query.isError && !query.data) {
    return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }

  // The server renders to-do titles in the request's language from its own messages.
  const title = (r: TaskItem) => r.title;
  // The server decides what is overdue (company time zone), so the bucket says it.
  const overdue = bucket === 'overdue';
  const label = (f: string) => t(`task.fields.${f}`);
  const columns: ColumnsType<TaskItem> = [
    {
      title: label('title'),
      key: 'title',
      render: (_, r) =>
        r.link ? (
          <Link to={r.link} onClick={(e) => e.stopPropagation()} data-testid="task-title">
            {title(r)}
          </Link>
        ) : (
          <span data-testid="task-title">{title(r)}</span>
        ),
    },
    {
      title: label('dueDate'),
      dataIndex: 'dueDate',
      width: 130,
      render: (v: string) => <Typography.Text type={overdue ? 'danger' : undefined}>{formatDate(v)}</Typography.Text>,
    },
    {
      title: label('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`task.status.${v}`, { defaultValue: v })}</Tag>,
    },
    bucket === 'done'
      ? { title: label('doneAt'), dataIndex: 'doneAt', width: 160, render: formatDateTime }
      : { title: label('createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
  ];
  if (bucket !== 'done') {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.status === 'open' ? (
          <Button
            type="link"
            size="small"
            icon={<CheckOutlined />}
            loading={complete.isPending && complete.variables === r.id}
            onClick={(e) => {
              e.stopPropagation();
              complete.mutate(r.id, {
                onSuccess: () => message.success(t('task.completed')),
                onError: (err) => handleError(err),
              });
            }}
            data-testid="task-complete"
          >
            {t('task.complete')}
          </Button>
        ) : null,
    });
  }

  return (
    <DataTable<TaskItem>
      rowTestId="task-row"
      columns={columns}
      items={query.data?.items}
      total={query.data?.total ?? 0}
      totalCapped={query.data?.totalCapped}
      page={page}
      pageSize={pageSize}
      loading={query.isFetching}
      locale={{ emptyText: t(`task.empty.${bucket}`) }}
      onRowClick={(r) => (r.link ? navigate(r.link) : undefined)}
      onPageChange={(p, ps) => {
        const next = new URLSearchParams(sp);
        next.set('page', String(p));
        next.set('pageSize', String(ps));
        setSp(next);
      }}
    />
  );
}

export function MyTasksPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const raw = sp.get('bucket') as TaskBucket | null;
  const bucket: TaskBucket = raw && BUCKETS.includes(raw) ? raw : 'today';
  const count = useTaskCount();
  const counts: Partial<Record<TaskBucket, { n: number; color: string }>> = {
    today: { n: count.data?.today ?? 0, color: '#1677ff' },
    overdue: { n: count.data?.overdue ?? 0, color: '#ff4d4f' },
  };

  return (
    <Card>
      <PageHeader title={t('menu.myTasks')} />
      <WaitingSection />
      <Tabs
        activeKey={bucket}
        onChange={(key) => setSp({ bucket: key })}
        items={BUCKETS.map((b) => ({
          key: b,
          label: (
            <span data-testid={`tab-${b}`}>
              {t(`task.bucket.${b}`)}
              {counts[b]?.n ? (
                <Badge
                  count={counts[b]?.n}
                  size="small"
                  color={counts[b]?.color}
                  style={{ marginInlineStart: 6 }}
                  data-testid={`task-count-${b}`}
                />
              ) : null}
            </span>
          ),
          children: bucket === b ? <TaskTable bucket={b} /> : null,
        }))}
      />
    </Card>
  );
}

/** Approvals and documents waiting for me, from the workbench's sources: nothing waits unseen. */
function WaitingSection() {
  const { t } = useTranslation();
  const q = useWorkbench();
  if (!q.data) return null;
  return (
    <div style={{ marginBottom: 16 }} data-testid="tasks-waiting">
      <Typography.Title level={5}>{t('workbench.waiting')}</Typography.Title>
      <WaitingForMe data={q.data} onlyBusy />
    </div>
  );
}
