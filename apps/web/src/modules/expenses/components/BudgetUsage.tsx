import { Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Budget } from '../types';

/**
 * How much of a budget approved and paid claims hold: a bar, flagged near the limit (policy
 * expenses.budgetWarnPercent) or overrun (spent beyond it after an over-budget approval).
 */
export function BudgetUsage({ b }: { b: Pick<Budget, 'id' | 'percent' | 'nearLimit' | 'overrun'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap data-testid={`budget-usage-${b.id}`}>
      <Progress
        percent={Math.min(b.percent, 100)}
        format={() => `${b.percent}%`}
        size="small"
        status={b.overrun ? 'exception' : 'normal'}
        strokeColor={b.nearLimit ? '#fa8c16' : undefined}
        style={{ width: 96, margin: 0 }}
      />
      {b.nearLimit ? <Tag color="orange">{t('expenses.budgets.nearLimit')}</Tag> : null}
      {b.overrun ? <Tag color="red">{t('expenses.budgets.overrun')}</Tag> : null}
    </Space>
  );
}
