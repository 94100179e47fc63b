import { Alert, App, Button, Card, Descriptions, Skeleton, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { usePlan, usePlanCommand } from '../api';
import { PlanApproval } from '../components/PlanApproval';
import { PlanGrid } from '../components/PlanGrid';
import { PLAN_STATUS_COLORS } from '../constants';
import type { PlanDetail, PlanRow, PlanVersion } from '../types';

/** One version of the annual plan: the split grid, its approval and the year's version history. */
export function PlanDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = usePlan(id);
  const command = usePlanCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [rows, setRows] = useState<PlanRow[] | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  useEffect(() => {
    if (query.data) setRows(query.data.rows);
  }, [query.data]);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p: PlanDetail = query.data;
  const grid = rows ?? p.rows;
  const company = grid.find((r) => r.kind === 'company');

  const fail = (err: unknown) => {
    // The split check names the row and month that does not add up: shown above the grid.
    if (err instanceof ApiError && err.status === 400 && err.fields.length) setIssues(err.fields.map((f) => f.message));
    else handleError(err);
  };
  const save = async () => {
    setIssues([]);
    try {
      await command.mutateAsync({
        path: `/sales-plans/${id}`,
        method: 'PUT',
        body: {
          title: p.title,
          // The company row's months are the task (the director edits both together).
          targetAmount: company?.totalAmount ?? p.targetAmount ?? '0.00',
          targetCustomers: company?.totalCustomers ?? p.targetCustomers ?? 0,
          note: p.note,
          version: p.version,
          rows: grid.map((r) => ({ deptId: r.deptId, userId: r.userId, amounts: r.amounts, customers: r.customers })),
        },
      });
      message.success(t('plans.saved'));
    } catch (err) {
      fail(err);
    }
  };
  const act = async (action: 'submit' | 'revise') => {
    setIssues([]);
    try {
      const next = await command.mutateAsync({ path: `/sales-plans/${id}/${action}`, body: { version: p.version } });
      message.success(t(`plans.done.${action}`));
      if (next.id !== id) navigate(`/plans/${next.id}`);
    } catch (err) {
      fail(err);
    }
  };
  const dirty = JSON.stringify(grid) !== JSON.stringify(p.rows);

  const versionColumns = [
    {
      title: t('plans.fields.planVersion'),
      dataIndex: 'planVersion',
      render: (v: number, r: PlanVersion) => <Link to={`/plans/${r.id}`}>{t('plans.versionNo', { n: v })}</Link>,
    },
    {
      title: t('plans.fields.status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag dict="plans.status" value={v} colors={PLAN_STATUS_COLORS} />,
    },
    { title: t('plans.fields.submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
    { title: t('plans.fields.approvedAt'), dataIndex: 'approvedAt', render: formatDateTime },
    { title: t('plans.fields.supersededAt'), dataIndex: 'supersededAt', render: formatDateTime },
  ];

  return (
    <Card>
      <PageHeader
        title={p.title}
        subTitle={t('plans.versionNo', { n: p.planVersion })}
        tags={<StatusTag dict="plans.status" value={p.status} colors={PLAN_STATUS_COLORS} testId="plan-status" />}
        onBack={() => navigate('/plans')}
        extra={
          <>
            {p.actions.edit ? (
              <Button onClick={() => void save()} disabled={!dirty} loading={command.isPending} data-testid="plan-save">
                {t('common.save')}
              </Button>
            ) : null}
            {p.actions.submit ? (
              <Button
                type="primary"
                onClick={() => void act('submit')}
                disabled={dirty}
                loading={command.isPending}
                data-testid="plan-submit"
              >
                {t('plans.submit')}
              </Button>
            ) : null}
            {p.actions.revise ? (
              <Button onClick={() => void act('revise')} loading={command.isPending} data-testid="plan-revise">
                {t('plans.revise')}
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('plans.fields.year')}>{p.year}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.targetAmount')}>
          {p.targetAmount === null ? '-' : <MoneyText value={p.targetAmount} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.targetCustomers')}>{p.targetCustomers ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.createdBy')}>{p.createdByName}</Descriptions.Item>
      </Descriptions>
      {p.status === 'submitted' ? (
        <Alert type="info" showIcon message={t('plans.pendingHint')} style={{ marginBottom: 12 }} />
      ) : null}
      {issues.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="plan-issues"
          message={t('plans.splitInvalid')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Tabs
        items={[
          {
            key: 'grid',
            label: t('plans.tabs.grid'),
            children: <PlanGrid rows={grid} lastYear={p.lastYear} editing={p.actions.edit} onChange={setRows} />,
          },
          { key: 'approval', label: t('plans.tabs.approval'), children: <PlanApproval planId={id} /> },
          {
            key: 'versions',
            label: t('plans.tabs.versions'),
            children: (
              <Table<PlanVersion>
                size="small"
                rowKey="id"
                pagination={false}
                columns={versionColumns}
                dataSource={p.versions}
                scroll={{ x: 'max-content' }}
                data-testid="plan-versions"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
