import { useQuery } from '@tanstack/react-query';
import { Card, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../../app/api';
import { PageHeader } from '../../../components/PageHeader';

interface BoardCustomer {
  customerId: number;
  customerName: string;
  customerNo: string;
  nextAction: string | null;
  nextActionDate: string;
}
interface BoardRow {
  userId: number;
  userName: string;
  deptName: string;
  overdue: number;
  dueToday: number;
  oldestOverdue: string | null;
  customers: BoardCustomer[];
}

/** 跟进督导: whose planned follow-ups are overdue or due today (the 4S one-to-one follow-up check). */
export function FollowUpBoardPage() {
  const { t } = useTranslation();
  const { data, isLoading } = useQuery({
    queryKey: ['follow-ups', 'board'],
    queryFn: () => apiFetch<{ today: string; items: BoardRow[] }>('/api/follow-ups/board'),
  });
  const columns: ColumnsType<BoardRow> = [
    { title: t('followUpBoard.rep'), dataIndex: 'userName', render: (v, r) => `${v} · ${r.deptName}` },
    {
      title: t('followUpBoard.overdue'),
      dataIndex: 'overdue',
      render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : <Tag>{v}</Tag>),
    },
    {
      title: t('followUpBoard.dueToday'),
      dataIndex: 'dueToday',
      render: (v: number) => <Tag color={v ? 'orange' : undefined}>{v}</Tag>,
    },
    { title: t('followUpBoard.oldestOverdue'), dataIndex: 'oldestOverdue', render: (v: string | null) => v ?? '-' },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.followUpBoard')}
        subTitle={data ? t('followUpBoard.today', { date: data.today }) : undefined}
      />
      <Table<BoardRow>
        rowKey="userId"
        loading={isLoading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('followUpBoard.empty') }}
        onRow={() => ({ 'data-testid': 'board-row' }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <List
              size="small"
              dataSource={r.customers}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/customers/${c.customerId}?tab=followups`}>
                    {c.customerNo} {c.customerName}
                  </Link>
                  <Typography.Text type={c.nextActionDate < (data?.today ?? '') ? 'danger' : 'warning'}>
                    {c.nextActionDate} {c.nextAction ?? ''}
                  </Typography.Text>
                </List.Item>
              )}
            />
          ),
        }}
      />
    </Card>
  );
}
