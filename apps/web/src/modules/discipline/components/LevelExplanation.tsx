import { formatMoney } from '@sales/core';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import type { LevelBasis } from '../types';

/**
 * Why an incident has its level (seed 000 错误的划分标准): the level by the loss and by the repeat
 * count of the year, and the thresholds the company set (制度参数) that gave them.
 */
export function LevelExplanation({ repeatCount, basis }: { repeatCount: number; basis: LevelBasis }) {
  const { t } = useTranslation();
  const money = (v: string) => `¥${formatMoney(v, currentLanguage())}`;
  const level = (l: string) => t(`discipline.level.${l}`);
  return (
    <div data-testid="discipline-level-basis">
      <div>{t('discipline.basis.byLoss', { level: level(basis.byLoss) })}</div>
      <div>{t('discipline.basis.byRepeats', { n: repeatCount, level: level(basis.byRepeats) })}</div>
      <Typography.Text type="secondary">
        {t('discipline.basis.thresholds', {
          l2: money(basis.level2Loss),
          l3: money(basis.level3Loss),
          major: money(basis.majorLoss),
          r2: basis.level2Repeats,
          r3: basis.level3Repeats,
        })}
      </Typography.Text>
    </div>
  );
}
