import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DrillFilter } from '../types';
import { formatValue, growth } from './labels';

/** Headline figures of the period with the change against the same period last year. */
export function Kpis({ data, onDrill }: { data: Dashboard; onDrill: (f: DrillFilter) => void }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="analytics-kpis">
      {data.kpis.map((k) => {
        const g = growth(k.value, k.lastYear);
        return (
          <Col key={k.measure} xs={12} md={8} xl={6} xxl={4}>
            <Card
              size="small"
              hoverable
              data-testid={`kpi-${k.measure}`}
              onClick={() => onDrill({ measure: k.measure, from: data.from, to: data.to })}
            >
              <Statistic
                title={t(`analytics.measure.${k.measure}`)}
                value={formatValue(k.measure, k.value)}
                // Fits two cards side by side at 360–414 px.
                valueStyle={{ fontSize: 'clamp(15px, 4vw, 24px)', whiteSpace: 'nowrap' }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {g === null
                  ? t('analytics.noLastYear')
                  : t('analytics.yoy', { pct: `${Number(g) > 0 ? '+' : ''}${g}` })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
