import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegistrationStats } from '../api';

/** Today's desk counts (seed 000: 上门客户总量、新客户量、电话接听量). */
export function TodayCounts() {
  const { t } = useTranslation();
  const query = useRegistrationStats();
  const totals = query.data?.totals;
  const stat = (key: 'visits' | 'calls' | 'newCustomers', testId: string) => (
    <Col span={8} data-testid={testId}>
      <Statistic title={t(`frontDesk.stats.${key}`)} value={totals?.[key] ?? 0} />
    </Col>
  );
  return (
    <Card size="small" title={t('frontDesk.todayCounts')} loading={query.isPending} data-testid="fd-counts">
      <Row gutter={16}>
        {stat('visits', 'fd-count-visits')}
        {stat('calls', 'fd-count-calls')}
        {stat('newCustomers', 'fd-count-new')}
      </Row>
    </Card>
  );
}
