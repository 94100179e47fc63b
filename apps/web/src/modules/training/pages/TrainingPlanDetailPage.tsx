import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { usePlan } from '../api';
import { PlanFormModal } from '../components/PlanFormModal';
import { SessionFormModal } from '../components/SessionFormModal';
import { SESSION_STATUS_COLORS } from '../constants';
import type { SessionFigures } from '../types';

/** One plan: goals, content, method, schedule and trainer, and its sessions with their figures. */
export function TrainingPlanDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = usePlan(id);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const f = (k: string) => t(`training.fields.${k}`);
  return (
    <Card>
      <PageHeader
        title={p.title}
        tags={<StatusTag dict="training.kind" value={p.kind} colors={{ onboarding: 'gold', in_service: 'blue' }} />}
        onBack={() => navigate('/training')}
        extra={
          p.canManage ? (
            <Space wrap>
              <Button onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('training.editPlan')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="session-new">
                {t('training.newSession')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={f('schedule')}>
          {t('training.range', { from: formatDate(p.startsOn), to: formatDate(p.endsOn) })}
        </Descriptions.Item>
        <Descriptions.Item label={f('method')}>{t(`training.method.${p.method}`)}</Descriptions.Item>
        <Descriptions.Item label={f('trainer')}>{p.trainer}</Descriptions.Item>
        <Descriptions.Item label={f('owner')}>
          {p.ownerDeptName ? t('common.nameWithDept', { name: p.ownerName, dept: p.ownerDeptName }) : p.ownerName}
        </Descriptions.Item>
        <Descriptions.Item label={f('goals')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{p.goals}</div>
        </Descriptions.Item>
        <Descriptions.Item label={f('content')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{p.content}</div>
        </Descriptions.Item>
      </Descriptions>
      <Table<SessionFigures>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={p.sessions}
        data-testid="sessions-table"
        locale={{ emptyText: t('training.noSessions') }}
        columns={[
          {
            title: f('topic'),
            dataIndex: 'topic',
            render: (v: string, r) => <Link to={`/training/sessions/${r.id}`}>{v}</Link>,
          },
          { title: f('time'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
          {
            title: f('status'),
            dataIndex: 'status',
            render: (v: string) => <StatusTag dict="training.sessionStatus" value={v} colors={SESSION_STATUS_COLORS} />,
          },
          { title: f('enrolled'), dataIndex: 'enrolled', align: 'right' },
          { title: f('present'), dataIndex: 'present', align: 'right' },
          { title: f('passed'), dataIndex: 'passed', align: 'right' },
          {
            title: f('averageScore'),
            dataIndex: 'averageScore',
            align: 'right',
            render: (v: string | null) => v ?? '-',
          },
        ]}
      />
      {editing && <PlanFormModal plan={p} onClose={() => setEditing(false)} />}
      {adding && (
        <SessionFormModal
          planId={p.id}
          onClose={() => setAdding(false)}
          onSaved={(sid) => navigate(`/training/sessions/${sid}`)}
        />
      )}
    </Card>
  );
}
