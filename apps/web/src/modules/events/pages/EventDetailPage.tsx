import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { StatusTag } from '../../../components/StatusTag';
import { useEvent, useEventApprovals, useEventCommand } from '../api';
import { EventFormModal } from '../components/EventFormModal';
import { InvitationsTab } from '../components/InvitationsTab';
import { ReportTab } from '../components/ReportTab';
import { EVENT_CHECKIN, EVENT_PLAN, EVENT_STATUS_COLORS } from '../constants';
import type { BudgetLine, EventDetail } from '../types';

function EventApproval({ eventId }: { eventId: number }) {
  const query = useEventApprovals(eventId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

function PlanTab({ e }: { e: EventDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`events.fields.${k}`);
  const text = (v: string | null) => v || '-';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={f('time')}>
          {t('events.timeRange', { start: formatDateTime(e.startsAt), end: formatDateTime(e.endsAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={f('venue')}>{text(e.venue)}</Descriptions.Item>
        <Descriptions.Item label={f('capacity')}>{e.capacity}</Descriptions.Item>
        <Descriptions.Item label={f('owner')}>{e.ownerName}</Descriptions.Item>
        <Descriptions.Item label={f('responsible')}>
          {e.responsible.map((p) => p.name).join('、') || '-'}
        </Descriptions.Item>
        <Descriptions.Item label={f('gift')}>
          {e.giftName ? `${e.giftName}（${e.giftWarehouseName ?? '-'}）` : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={f('speakers')}>{text(e.speakers)}</Descriptions.Item>
        <Descriptions.Item label={f('materials')}>{text(e.materials)}</Descriptions.Item>
        <Descriptions.Item label={f('agenda')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{text(e.agenda)}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('events.script')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{text(e.script)}</div>
        </Descriptions.Item>
      </Descriptions>
      <Table<BudgetLine>
        size="small"
        rowKey="category"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={e.budget}
        columns={[
          { title: f('category'), dataIndex: 'category', render: (v: string) => t(`events.budgetCategory.${v}`) },
          { title: f('budget'), dataIndex: 'budget', align: 'right', render: (v: string) => <MoneyText value={v} /> },
          { title: f('actual'), dataIndex: 'actual', align: 'right', render: (v: string) => <MoneyText value={v} /> },
        ]}
      />
    </Space>
  );
}

/** One event: the plan, the invitation plan and results, the report and the approval. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const { hasPermission } = useAuth();
  const query = useEvent(id);
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data;
  const planner = hasPermission(EVENT_PLAN);
  const submit = async () => {
    try {
      await command.mutateAsync({ path: `/events/${id}/submit`, body: { version: e.version } });
      message.success(t('events.submitted'));
    } catch (err) {
      handleError(err);
    }
  };
  const tab = search.get('tab') ?? 'plan';
  return (
    <Card>
      <PageHeader
        title={e.theme}
        tags={<StatusTag dict="events.status" value={e.status} colors={EVENT_STATUS_COLORS} />}
        onBack={() => navigate('/events')}
        extra={
          <Space wrap>
            {planner && (e.status === 'draft' || e.status === 'approved') && (
              <Button onClick={() => setEditing(true)} data-testid="event-edit">
                {e.status === 'draft' ? t('events.edit') : t('events.editActuals')}
              </Button>
            )}
            {planner && e.status === 'draft' && (
              <Button
                type="primary"
                onClick={() => void submit()}
                loading={command.isPending}
                data-testid="event-submit"
              >
                {t('events.submit')}
              </Button>
            )}
            {hasPermission(EVENT_CHECKIN) && e.status === 'approved' && (
              <Button onClick={() => navigate(`/events/${id}/check-in`)} data-testid="event-checkin">
                {t('events.checkInPage')}
              </Button>
            )}
          </Space>
        }
      />
      {e.status !== 'approved' && (
        <Alert type="info" showIcon message={t('events.approvalHint')} style={{ marginBottom: 16 }} />
      )}
      <DetailTabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          { key: 'plan', label: t('events.tabs.plan'), children: <PlanTab e={e} /> },
          { key: 'invitations', label: t('events.tabs.invitations'), children: <InvitationsTab event={e} /> },
          { key: 'report', label: t('events.tabs.report'), children: <ReportTab event={e} /> },
          { key: 'approval', label: t('events.tabs.approval'), children: <EventApproval eventId={id} /> },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('attachments.tab')}</span>,
            children: <RecordAttachments recordPath={`/api/events/${id}`} canChange={planner} />,
          },
        ]}
      />
      {editing && <EventFormModal event={e} actualsOnly={e.status === 'approved'} onClose={() => setEditing(false)} />}
    </Card>
  );
}
