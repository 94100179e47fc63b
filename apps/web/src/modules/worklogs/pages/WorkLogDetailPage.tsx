import { Card, Descriptions, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { useWorkLog, type WorkLogComment } from '../api';
import { CommentsList } from '../components/CommentsList';

const pre = (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(v)}</span>;

/** One work log as the manager reads it, with the comments (经理点评). */
export function WorkLogDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const q = useWorkLog(id);
  if (q.isError && !q.data) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const log = q.data;
  const f = (k: string) => t(`worklogs.fields.${k}`);
  return (
    <Card>
      <PageHeader
        title={t('worklogs.logOf', { name: log.userName, date: formatDate(log.logDate) })}
        onBack={() => navigate('/work-logs')}
        tags={
          <Tag color={log.submittedAt ? 'success' : 'default'}>
            {t(log.submittedAt ? 'worklogs.status.submitted' : 'worklogs.status.planned')}
          </Tag>
        }
      />
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }} data-testid="worklog-detail">
        <Descriptions.Item label={f('dept')}>{log.deptName}</Descriptions.Item>
        <Descriptions.Item label={f('assignedWork')}>{pre(log.assignedWork)}</Descriptions.Item>
        <Descriptions.Item label={f('planCustomers')}>
          {log.planCustomers.length ? (
            <List
              size="small"
              split={false}
              dataSource={log.planCustomers}
              renderItem={(c) => (
                <List.Item style={{ padding: 0 }} key={c.customerId}>
                  <Link to={`/customers/${c.customerId}`}>{c.name}</Link>
                </List.Item>
              )}
            />
          ) : (
            '-'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={f('planNote')}>{pre(log.planNote)}</Descriptions.Item>
        <Descriptions.Item label={f('done')}>{pre(log.done)}</Descriptions.Item>
        <Descriptions.Item label={f('problems')}>{pre(log.problems)}</Descriptions.Item>
        <Descriptions.Item label={f('tomorrow')}>{pre(log.tomorrow)}</Descriptions.Item>
        <Descriptions.Item label={f('submittedAt')}>{formatDateTime(log.submittedAt)}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('worklogs.comments')}>
        <CommentsList logId={log.id} comments={log.comments as WorkLogComment[]} canComment={!!log.canComment} />
      </Card>
    </Card>
  );
}
