import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A rate in percent, or 无目标 when the target is zero (never a division error). */
export function PlanRate({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (value === null) return <Tag data-testid="no-target">{t('plans.noTarget')}</Tag>;
  const n = Number(value);
  return (
    <Progress
      percent={Math.min(n, 100)}
      format={() => `${value}%`}
      size="small"
      status={n >= 100 ? 'success' : 'normal'}
      style={{ minWidth: 120, margin: 0 }}
    />
  );
}
