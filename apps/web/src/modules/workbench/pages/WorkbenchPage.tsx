import { Card, Col, Empty, List, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useWorkbench } from '../api';
import { MonthPerformance } from '../components/MonthPerformance';
import { Shortcuts } from '../components/Shortcuts';
import { WaitingForMe } from '../components/WaitingForMe';
import { CountBadge, WorkItemRow } from '../components/WorkItemList';

/** 工作台: every role's home page — what needs me today, what is due soon, my daily actions. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const { me, hasPermission } = useAuth();
  const q = useWorkbench();
  if (q.isError && !q.data) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const data = q.data;
  const deadlines = data.sources.filter((s) => s.group === 'deadline');
  const dueCount = data.upcomingTasks.total + deadlines.reduce((n, s) => n + s.total, 0);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <PageHeader
        title={t('menu.workbenchHome')}
        subTitle={t('workbench.greeting', { name: me?.name ?? '', date: formatDate(data.today) })}
      />
      <Shortcuts />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            data-testid="source-tasks"
            title={
              <span>
                {t('workbench.tasks')}
                <CountBadge n={data.tasks.total} />
              </span>
            }
            extra={<Link to="/tasks">{t('workbench.more')}</Link>}
          >
            {data.tasks.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.none')} />
            ) : (
              <List
                size="small"
                dataSource={data.tasks.items}
                renderItem={(i) => (
                  <WorkItemRow
                    key={i.id}
                    to={i.link ?? '/tasks'}
                    title={i.title}
                    date={i.dueDate}
                    danger={i.dueDate < data.today}
                  />
                )}
              />
            )}
          </Card>
        </Col>
        {/* Those with a sales target (plan.view): this month against it. */}
        {hasPermission('plan.view') ? (
          <Col xs={24} lg={12}>
            <MonthPerformance />
          </Col>
        ) : null}
      </Row>
      <WaitingForMe data={data} />
      <Card
        size="small"
        data-testid="workbench-deadlines"
        title={
          <span>
            {t('workbench.deadlines')}
            <CountBadge n={dueCount} />
          </span>
        }
      >
        {dueCount === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noDeadlines')} />
        ) : (
          <List
            size="small"
            dataSource={[
              ...data.upcomingTasks.items.map((i) => ({
                key: `t${i.id}`,
                to: i.link ?? '/tasks',
                no: null,
                title: i.title,
                date: i.dueDate,
              })),
              ...deadlines.flatMap((s) =>
                s.items.map((i) => ({
                  key: `${s.key}${i.id}`,
                  to: i.link,
                  no: i.no,
                  title: `${t(`workbench.source.${s.key}`)}：${i.title}`,
                  date: i.date,
                })),
              ),
            ].sort((a, b) => String(a.date).localeCompare(String(b.date)))}
            renderItem={(i) => <WorkItemRow key={i.key} to={i.to} no={i.no} title={i.title} date={i.date} />}
          />
        )}
      </Card>
    </Space>
  );
}
