import { Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The half-year of today and the `n - 1` before it, newest first ('2026-H2', '2026-H1', …). */
export function recentPeriods(n = 6): string[] {
  const d = dayjs();
  let y = d.year();
  let h = d.month() < 6 ? 1 : 2;
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    out.push(`${y}-H${h}`);
    if (h === 2) h = 1;
    else {
      h = 2;
      y -= 1;
    }
  }
  return out;
}

/** A half-year as people say it: 2026 年上半年 / 2026 H1. */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (p: string | null | undefined) =>
    p ? t(p.endsWith('H1') ? 'research.periodH1' : 'research.periodH2', { year: p.slice(0, 4) }) : '-';
}

export function PeriodSelect(props: {
  value?: string;
  onChange?: (v: string) => void;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const label = usePeriodLabel();
  const { t } = useTranslation();
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      allowClear={props.allowClear}
      placeholder={t('research.fields.period')}
      options={recentPeriods().map((p) => ({ value: p, label: label(p) }))}
      style={{ minWidth: 160, ...props.style }}
      data-testid={props.testId}
    />
  );
}
