import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type Period = 'month' | 'quarter' | 'year';

/** Year, period kind and which month / quarter (SPEC 2.1: plan vs actual for any period). */
export function PeriodPicker({
  year,
  period,
  index,
  onChange,
  periods = ['month', 'quarter', 'year'],
}: {
  year: number;
  period: Period;
  index: number;
  onChange: (v: { year: number; period: Period; index: number }) => void;
  periods?: Period[];
}) {
  const { t } = useTranslation();
  const count = period === 'month' ? 12 : period === 'quarter' ? 4 : 0;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <InputNumber
        min={2000}
        max={2100}
        precision={0}
        value={year}
        onChange={(v) => v && onChange({ year: v, period, index })}
        suffix={t('plans.yearSuffix')}
        style={{ width: 120 }}
        data-testid="period-year"
      />
      {periods.length > 1 ? (
        <Select<Period>
          value={period}
          style={{ width: 110 }}
          onChange={(p) => onChange({ year, period: p, index: 1 })}
          options={periods.map((p) => ({ value: p, label: t(`plans.period.${p}`) }))}
          data-testid="period-kind"
        />
      ) : null}
      {count ? (
        <Select<number>
          value={Math.min(index, count)}
          style={{ width: 110 }}
          onChange={(i) => onChange({ year, period, index: i })}
          options={Array.from({ length: count }, (_, i) => ({
            value: i + 1,
            label: period === 'month' ? t('plans.month', { month: i + 1 }) : t('plans.quarter', { quarter: i + 1 }),
          }))}
          data-testid="period-index"
        />
      ) : null}
    </Space>
  );
}
