import { money } from '@sales/core';
import { Alert, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { moneyText } from '../money';
import type { BudgetAsk, ClaimDetail } from '../types';

/** "销售一部 · 差旅" or "年终答谢会 · 客户邀约": whose budget, of which category. */
export function useBudgetLabel() {
  const { t } = useTranslation();
  return (b: { deptName: string; eventTheme: string | null; category: string }) =>
    `${b.eventTheme ?? b.deptName} · ${t(`expenses.category.${b.category}`)}`;
}

/**
 * What a claim asks of each budget against what is left of it, and how much is beyond budget
 * (the part a submission needs the over-budget approval for).
 */
export function BudgetCheckTable({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const label = useBudgetLabel();
  const c = (k: string) => t(`expenses.check.${k}`);
  const check = claim.budgetCheck;
  const over = money(check.over).gt(0);
  const editable = claim.status === 'draft' || claim.status === 'rejected';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="budget-check">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {c('title')}
      </Typography.Title>
      {editable ? <Typography.Text type="secondary">{c('preview')}</Typography.Text> : null}
      <Table<BudgetAsk>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={check.budgets}
        columns={[
          { title: c('budget'), key: 'budget', render: (_, b) => label(b) },
          {
            title: c('period'),
            key: 'period',
            render: (_, b) =>
              b.periodStart
                ? `${formatDate(b.periodStart)} ~ ${formatDate(b.periodEnd)}`
                : t('expenses.budgets.eventPeriod'),
          },
          {
            title: c('remaining'),
            dataIndex: 'remaining',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          { title: c('claimed'), dataIndex: 'claimed', align: 'right', render: (v: string) => <MoneyText value={v} /> },
          {
            title: c('over'),
            dataIndex: 'over',
            align: 'right',
            render: (v: string) =>
              money(v).gt(0) ? (
                <Typography.Text type="danger">
                  <MoneyText value={v} />
                </Typography.Text>
              ) : (
                '-'
              ),
          },
        ]}
      />
      {money(check.unbudgeted).gt(0) ? (
        <Alert
          type="warning"
          showIcon
          message={t('expenses.check.unbudgeted', { amount: moneyText(check.unbudgeted) })}
        />
      ) : null}
      {editable ? (
        <Alert
          type={over ? 'warning' : 'success'}
          showIcon
          data-testid="budget-check-result"
          message={over ? t('expenses.check.beyond', { over: moneyText(check.over) }) : c('within')}
        />
      ) : null}
    </Space>
  );
}
