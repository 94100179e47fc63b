import { Alert, Button, Card, Descriptions, Rate, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useSession } from '../api';
import { FeedbackModal } from '../components/FeedbackModal';
import { ResultsModal } from '../components/ResultsModal';
import { SessionFormModal } from '../components/SessionFormModal';
import { ATTENDANCE_COLORS, SESSION_STATUS_COLORS } from '../constants';
import type { AttendanceRow } from '../types';

/** One session: its participants' attendance, scores and feedback; results entry for the organiser. */
export function TrainingSessionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { me } = useAuth();
  const query = useSession(id);
  const [modal, setModal] = useState<'edit' | 'results' | 'feedback' | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const f = (k: string) => t(`training.fields.${k}`);
  const mine = s.attendance.find((a) => a.userId === me?.id);
  const canRate = s.status === 'completed' && mine?.status === 'present';
  const started = new Date(s.startsAt).getTime() <= Date.now();
  return (
    <Card>
      <PageHeader
        title={s.topic}
        subTitle={<Link to={`/training/plans/${s.planId}`}>{s.planTitle}</Link>}
        tags={<StatusTag dict="training.sessionStatus" value={s.status} colors={SESSION_STATUS_COLORS} />}
        onBack={() => navigate(`/training/plans/${s.planId}`)}
        extra={
          <Space wrap>
            {s.canManage && s.status === 'scheduled' && (
              <Button onClick={() => setModal('edit')} data-testid="session-edit">
                {t('training.editSession')}
              </Button>
            )}
            {s.canManage && started && s.attendance.length > 0 && (
              <Button type="primary" onClick={() => setModal('results')} data-testid="session-results">
                {t('training.recordResults')}
              </Button>
            )}
            {canRate && (
              <Button onClick={() => setModal('feedback')} data-testid="session-feedback">
                {t('training.giveFeedback')}
              </Button>
            )}
          </Space>
        }
      />
      {s.kind === 'onboarding' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('training.onboardingSessionHint', { pass: s.passScore })}
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={f('time')}>
          {t('training.range', { from: formatDateTime(s.startsAt), to: formatDateTime(s.endsAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={f('location')}>{s.location || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('trainer')}>{s.trainer || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('assessmentMethod')}>
          {t(`training.assessment.${s.assessmentMethod}`)}
        </Descriptions.Item>
        <Descriptions.Item label={f('passScore')}>{s.passScore}</Descriptions.Item>
      </Descriptions>
      <Table<AttendanceRow>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={s.attendance}
        data-testid="attendance-table"
        columns={[
          {
            title: f('person'),
            dataIndex: 'userName',
            render: (v: string, r) => <Link to={`/training/staff/${r.userId}`}>{v}</Link>,
          },
          { title: f('dept'), dataIndex: 'deptName' },
          {
            title: f('attendance'),
            dataIndex: 'status',
            render: (v: string) => <StatusTag dict="training.attendance" value={v} colors={ATTENDANCE_COLORS} />,
          },
          { title: f('score'), dataIndex: 'score', align: 'right', render: (v: string | null) => v ?? '-' },
          {
            title: f('result'),
            dataIndex: 'passed',
            render: (v: boolean | null) =>
              v === null ? (
                '-'
              ) : (
                <StatusTag
                  dict="training.pass"
                  value={v ? 'passed' : 'failed'}
                  colors={{ passed: 'success', failed: 'error' }}
                />
              ),
          },
          {
            title: f('rating'),
            dataIndex: 'feedbackRating',
            render: (v: number | null) => (v ? <Rate disabled value={v} style={{ fontSize: 14 }} /> : '-'),
          },
          { title: f('feedback'), dataIndex: 'feedback', render: (v: string | null) => v || '-' },
        ]}
      />
      {modal === 'edit' && <SessionFormModal planId={s.planId} session={s} onClose={() => setModal(null)} />}
      {modal === 'results' && <ResultsModal session={s} onClose={() => setModal(null)} />}
      {modal === 'feedback' && mine && <FeedbackModal row={mine} onClose={() => setModal(null)} />}
    </Card>
  );
}
