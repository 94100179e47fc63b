import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { useCompliance, useQuarter } from '../api';
import { ISSUE_COLORS } from '../constants';
import type { ComplianceItem, QuarterItem } from '../types';

/** The last eight quarters, newest first ('2027Q2'…), for the quarter picker. */
function recentQuarters(): string[] {
  const now = new Date();
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

function MissingTab() {
  const { t } = useTranslation();
  const q = useCompliance();
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const f = (k: string) => t(`training.fields.${k}`);
  return (
    <Table<ComplianceItem>
      size="small"
      rowKey="userId"
      loading={q.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={q.data?.items ?? []}
      data-testid="compliance-table"
      locale={{ emptyText: t('training.allCompliant') }}
      columns={[
        {
          title: f('person'),
          dataIndex: 'name',
          render: (v: string, r) => <Link to={`/training/staff/${r.userId}`}>{v}</Link>,
        },
        { title: f('dept'), dataIndex: 'deptName' },
        {
          title: f('issues'),
          dataIndex: 'issues',
          render: (issues: ComplianceItem['issues']) => (
            <Space wrap size={[4, 4]}>
              {issues.map((i) => (
                <Tag
                  key={`${i.code}${i.certificate ?? ''}`}
                  color={ISSUE_COLORS[i.code]}
                  data-testid={`issue-${i.code}`}
                >
                  {t(`training.issue.${i.code}`)}
                  {i.certificate ? `：${i.certificate}` : ''}
                  {i.date ? `（${formatDate(i.date)}）` : ''}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

function QuarterTab() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const quarter = sp.get('quarter') ?? undefined;
  const q = useQuarter(quarter);
  if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const f = (k: string) => t(`training.fields.${k}`);
  const data = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        style={{ width: 160 }}
        value={data?.quarter ?? quarter}
        onChange={(v) => setSp({ tab: 'quarter', quarter: v }, { replace: true })}
        options={recentQuarters().map((x) => ({
          value: x,
          label: t('training.quarterLabel', { year: x.slice(0, 4), q: x.slice(5) }),
        }))}
        data-testid="quarter-select"
      />
      {data ? (
        <Alert
          type={data.ended ? 'info' : 'warning'}
          showIcon
          title={t(data.ended ? 'training.quarterEnded' : 'training.quarterRunning', {
            from: formatDate(data.from),
            to: formatDate(data.to),
          })}
        />
      ) : null}
      <Table<QuarterItem>
        size="small"
        rowKey="userId"
        loading={q.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        data-testid="quarter-table"
        columns={[
          {
            title: f('person'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/training/staff/${r.userId}`}>{v}</Link>,
          },
          { title: f('dept'), dataIndex: 'deptName' },
          { title: f('attended'), dataIndex: 'attended', align: 'right' },
          { title: f('lastDay'), dataIndex: 'lastDay', render: (v: string | null) => (v ? formatDate(v) : '-') },
          {
            title: f('status'),
            dataIndex: 'flagged',
            render: (v: boolean) =>
              v ? (
                <Tag color={data?.ended ? 'error' : 'warning'} data-testid="quarter-flag">
                  {t(data?.ended ? 'training.noInService' : 'training.noInServiceYet')}
                </Tag>
              ) : (
                <Tag color="success">{t('training.inServiceDone')}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}

/** 资质与培训检查: what is missing or expired per person, and the quarter's in-service training. */
export function CompliancePage() {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  return (
    <Card>
      <PageHeader title={t('menu.trainingCompliance')} />
      <DetailTabs
        activeKey={sp.get('tab') ?? 'missing'}
        onChange={(k) => setSp({ tab: k }, { replace: true })}
        items={[
          { key: 'missing', label: t('training.missingTab'), children: <MissingTab /> },
          { key: 'quarter', label: t('training.quarterTab'), children: <QuarterTab /> },
        ]}
      />
    </Card>
  );
}
