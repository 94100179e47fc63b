import { Card, Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { MoneyText } from '../../../components/MoneyText';
import { PageSpinner } from '../../../components/PageSpinner';
import { useVsActual } from '../../plans/api';
import { PlanRate } from '../../plans/components/PlanRate';
import type { VsActualRow } from '../../plans/types';

/**
 * 本月业绩 vs 目标 (issue 13 item 6): this month's row of the plan in force — one's own as a rep,
 * one's department as its head, the top of one's scope otherwise — with the indicator engine's
 * actuals (the plans module answers within the viewer's scope).
 */
export function MonthPerformance() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const q = useVsActual({ period: 'month' });
  const rows = q.data?.rows ?? [];
  const row: VsActualRow | undefined =
    rows.find((r) => r.kind === 'rep' && r.userId === me?.id) ??
    rows.find((r) => r.kind !== 'rep' && r.deptId !== null && r.deptId === me?.deptId) ??
    rows[0];
  const body = () => {
    if (q.isError) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
    if (!q.data) return <PageSpinner />;
    if (!row) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.performanceNoPlan')} />;
    return (
      <Descriptions size="small" column={1} data-testid="workbench-performance-row">
        <Descriptions.Item label={t('workbench.performanceOf')}>{row.name}</Descriptions.Item>
        <Descriptions.Item label={t('workbench.performanceAmount')}>
          <MoneyText value={row.actualAmount} /> / <MoneyText value={row.targetAmount} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.performanceAmountRate')}>
          <PlanRate value={row.amountRate} />
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.performanceCustomers')}>
          {row.actualCustomers} / {row.targetCustomers}
        </Descriptions.Item>
        <Descriptions.Item label={t('workbench.performanceCustomersRate')}>
          <PlanRate value={row.customersRate} />
        </Descriptions.Item>
      </Descriptions>
    );
  };
  return (
    <Card
      size="small"
      title={t('workbench.performance')}
      extra={<Link to="/plans-vs-actual">{t('workbench.more')}</Link>}
      data-testid="workbench-performance"
    >
      {body()}
    </Card>
  );
}
