import { amountInWords, money } from '@sales/core';
import { Alert, App, Button, Card, Descriptions, Empty, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDate, formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { StatusTag } from '../../../components/StatusTag';
import { buttonTestId } from '../../../components/testId';
import { useClaim, useClaimApprovals, useExpenseCommand } from '../api';
import { BudgetCheckTable } from '../components/BudgetCheckTable';
import { SubmitClaimModal } from '../components/SubmitClaimModal';
import { CLAIM_STATUS_COLORS } from '../constants';
import { moneyText } from '../money';
import type { ClaimDetail, ClaimLine } from '../types';

function ClaimApproval({ claimId }: { claimId: number }) {
  const { t } = useTranslation();
  const query = useClaimApprovals(claimId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.at(-1);
  return instance ? (
    <ApprovalPanel instance={instance} />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expenses.noApproval')} />
  );
}

function LinesTab({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`expenses.fields.${k}`);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Table<ClaimLine>
        size="small"
        rowKey="lineNo"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={claim.lines}
        data-testid="claim-lines"
        columns={[
          { title: f('category'), dataIndex: 'category', render: (v: string) => t(`expenses.category.${v}`) },
          { title: f('spentOn'), dataIndex: 'spentOn', render: (v: string) => formatDate(v) },
          { title: f('description'), dataIndex: 'description' },
          { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <MoneyText value={v} /> },
        ]}
      />
      <BudgetCheckTable claim={claim} />
    </Space>
  );
}

/** The decision the applicant reads: finance's (or the superior's) reason, the over-budget state. */
function ClaimAlerts({ c }: { c: ClaimDetail }) {
  const { t } = useTranslation();
  const alerts = [];
  if (c.rejectReason && (c.status === 'rejected' || c.status === 'draft'))
    alerts.push(
      <Alert
        key="reason"
        type={c.status === 'rejected' ? 'error' : 'warning'}
        showIcon
        data-testid="claim-reject-reason"
        message={t(c.status === 'rejected' ? 'expenses.rejectedAlert' : 'expenses.returnedAlert', {
          reason: c.rejectReason,
        })}
        description={t('expenses.rejectedHint')}
      />,
    );
  if (c.status === 'submitted' && c.overBudget)
    alerts.push(
      <Alert
        key="over"
        type="warning"
        showIcon
        data-testid="claim-over-budget"
        message={t('expenses.overBudgetAlert', { over: moneyText(c.budgetCheck.over) })}
      />,
    );
  if (money(c.overrun).gt(0))
    alerts.push(
      <Alert
        key="overrun"
        type="info"
        showIcon
        message={t('expenses.overrunNote', { amount: moneyText(c.overrun) })}
      />,
    );
  if (c.status === 'draft' && !c.rejectReason)
    alerts.push(<Alert key="hint" type="info" showIcon message={t('expenses.approvalHint')} />);
  return alerts.length ? (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {alerts}
    </Space>
  ) : null;
}

/** One claim: its lines against the budgets, invoices and approval; the applicant submits it, finance pays it. */
export function ClaimDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = useClaim(id);
  const command = useExpenseCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const f = (k: string) => t(`expenses.fields.${k}`);
  const run = async (path: string, done: string, method: 'POST' | 'DELETE' = 'POST', after?: () => void) => {
    try {
      await command.mutateAsync({ path, method, body: method === 'POST' ? { version: c.version } : undefined });
      message.success(t(done));
      after?.();
    } catch (err) {
      handleError(err);
    }
  };
  const tab = search.get('tab') ?? 'lines';
  return (
    <Card>
      <PageHeader
        title={c.title}
        subTitle={c.no}
        tags={
          <Space size={4}>
            <StatusTag dict="expenses.status" value={c.status} colors={CLAIM_STATUS_COLORS} testId="claim-status" />
            {c.overBudget ? <Tag color="orange">{t('expenses.overBudgetTag')}</Tag> : null}
          </Space>
        }
        onBack={() => navigate('/expenses/claims')}
        extra={
          <Space wrap>
            {c.can.edit && (
              <Button onClick={() => navigate(`/expenses/claims/${c.id}/edit`)} data-testid="claim-edit">
                {t('expenses.edit')}
              </Button>
            )}
            {c.can.delete && (
              <Popconfirm
                title={t('expenses.deleteConfirm')}
                okButtonProps={buttonTestId('claim-delete-ok')}
                onConfirm={() =>
                  run(`/expense-claims/${c.id}?version=${c.version}`, 'expenses.deleted', 'DELETE', () =>
                    navigate('/expenses/claims', { replace: true }),
                  )
                }
              >
                <Button danger data-testid="claim-delete">
                  {t('expenses.delete')}
                </Button>
              </Popconfirm>
            )}
            {c.can.submit && (
              <Button type="primary" onClick={() => setSubmitting(true)} data-testid="claim-submit">
                {t('expenses.submit')}
              </Button>
            )}
            {c.can.pay && (
              <Popconfirm
                title={t('expenses.payConfirm', { name: c.claimantName, amount: moneyText(c.total) })}
                okButtonProps={buttonTestId('claim-pay-ok')}
                onConfirm={() => run(`/expense-claims/${c.id}/pay`, 'expenses.paid')}
              >
                <Button type="primary" data-testid="claim-pay">
                  {t('expenses.pay')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <ClaimAlerts c={c} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('claimant')}>{c.claimantName}</Descriptions.Item>
        <Descriptions.Item label={f('dept')}>{c.deptName}</Descriptions.Item>
        <Descriptions.Item label={f('total')}>
          <Space wrap size={8}>
            <MoneyText value={c.total} />
            <span data-testid="claim-amount-words">{amountInWords(c.total)}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={f('event')}>{c.eventTheme ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={f('submittedAt')}>{formatDateTime(c.submittedAt) || '-'}</Descriptions.Item>
        <Descriptions.Item label={f('approvedAt')}>{formatDateTime(c.approvedAt) || '-'}</Descriptions.Item>
        {c.paidAt ? (
          <Descriptions.Item
            label={f('paidAt')}
          >{`${formatDateTime(c.paidAt)} ${c.paidByName ?? ''}`}</Descriptions.Item>
        ) : null}
        {c.overBudgetReason ? (
          <Descriptions.Item label={f('overBudgetReason')} span={2}>
            {c.overBudgetReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <DetailTabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          { key: 'lines', label: t('expenses.tabs.lines'), children: <LinesTab claim={c} /> },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('expenses.tabs.attachments')}</span>,
            children: <RecordAttachments recordPath={`/api/expense-claims/${c.id}`} canChange={c.can.edit} />,
          },
          {
            key: 'approval',
            label: <span data-testid="tab-approval">{t('expenses.tabs.approval')}</span>,
            children: <ClaimApproval claimId={c.id} />,
          },
        ]}
      />
      {submitting && <SubmitClaimModal claim={c} onClose={() => setSubmitting(false)} />}
    </Card>
  );
}
