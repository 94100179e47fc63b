import { Button, Card, DatePicker, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { type TeamRow, useTeamLogs, useWorkLogs, type WorkLog } from '../api';
import { AssignWorkModal } from '../components/AssignWorkModal';

const STATUS_COLOR: Record<TeamRow['status'], string> = {
  submitted: 'success',
  planned: 'processing',
  missing: 'error',
};

/** 团队日志 of a day: who has written the plan and the evening log, who has not (SPEC 5.1). */
function TeamTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, hasPermission } = useAuth();
  const [date, setDate] = useState<string | undefined>();
  const [assignTo, setAssignTo] = useState<TeamRow | null>(null);
  const q = useTeamLogs(date);
  const f = (k: string) => t(`worklogs.fields.${k}`);
  const columns: ColumnsType<TeamRow> = [
    { title: f('user'), dataIndex: 'userName', width: 120 },
    { title: f('dept'), dataIndex: 'deptName', width: 140 },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 110,
      render: (v: TeamRow['status']) => (
        <Tag color={STATUS_COLOR[v]} data-testid="team-status">
          {t(`worklogs.status.${v}`)}
        </Tag>
      ),
    },
    { title: f('comments'), dataIndex: 'comments', width: 90 },
  ];
  if (hasPermission('worklog.comment')) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, r) =>
        r.userId === me?.id ? null : (
          <Button
            type="link"
            size="small"
            data-testid="team-assign"
            onClick={(e) => {
              e.stopPropagation();
              setAssignTo(r);
            }}
          >
            {t('worklogs.assign')}
          </Button>
        ),
    });
  }
  return (
    <>
      <DatePicker
        allowClear={false}
        value={dayjs(q.data?.date ?? date)}
        onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        style={{ marginBottom: 12 }}
      />
      <DataTable<TeamRow>
        rowTestId="team-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.items.length ?? 0}
        totalCapped={q.data?.more}
        loading={q.isFetching}
        onRowClick={(r) => (r.logId ? navigate(`/work-logs/${r.logId}`) : undefined)}
      />
      <AssignWorkModal user={assignTo} onClose={() => setAssignTo(null)} />
    </>
  );
}

/** Every log in scope, latest day first. */
function ListTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { page, pageSize, patch } = useListUrlState();
  const q = useWorkLogs({ page, pageSize });
  const f = (k: string) => t(`worklogs.fields.${k}`);
  const columns: ColumnsType<WorkLog> = [
    { title: f('date'), dataIndex: 'logDate', width: 120, render: (v: string) => formatDate(v) },
    { title: f('user'), dataIndex: 'userName', width: 110 },
    { title: f('done'), dataIndex: 'done', ellipsis: true, width: 260 },
    { title: f('problems'), dataIndex: 'problems', ellipsis: true, width: 200 },
    { title: f('comments'), dataIndex: 'comments', width: 90 },
    { title: f('submittedAt'), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
  ];
  return (
    <DataTable<WorkLog>
      rowTestId="worklog-row"
      columns={columns}
      items={q.data?.items}
      total={q.data?.total ?? 0}
      totalCapped={q.data?.totalCapped}
      page={page}
      pageSize={pageSize}
      loading={q.isFetching}
      onRowClick={(r) => navigate(`/work-logs/${r.id}`)}
      onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
    />
  );
}

/** 工作日志: the team's day and the list of logs within scope. */
export function WorkLogsPage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'list' ? 'list' : 'team';
  return (
    <Card>
      <PageHeader title={t('menu.workLogs')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp({ tab: k })}
        items={[
          {
            key: 'team',
            label: <span data-testid="tab-team">{t('worklogs.team')}</span>,
            children: tab === 'team' ? <TeamTab /> : null,
          },
          {
            key: 'list',
            label: <span data-testid="tab-list">{t('worklogs.list')}</span>,
            children: tab === 'list' ? <ListTab /> : null,
          },
        ]}
      />
    </Card>
  );
}
