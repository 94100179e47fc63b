import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { SLA_STATE_TAG, SLA_TONE_COLORS, type SlaTone } from '../constants';
import type { SlaBrief, SlaClockView } from '../types';

/** One SLA clock as a tag: its state and, while it runs, its due time. */
export function SlaTag({ metric, clock }: { metric: string; clock: SlaBrief | SlaClockView | null | undefined }) {
  const { t } = useTranslation();
  if (!clock) return null;
  const warn = clock.state === 'running' && clock.warnAt && Date.parse(clock.warnAt) <= Date.now();
  const state = warn ? 'warning' : clock.state;
  return (
    <Tooltip title={clock.dueAt ? t('service.sla.dueAt', { at: formatDateTime(clock.dueAt) }) : undefined}>
      <Tag color={SLA_STATE_TAG[state]} data-testid={`sla-${metric}`}>
        {t(`service.metric.${metric}`)}·{t(`service.slaState.${state}`)}
      </Tag>
    </Tooltip>
  );
}

/** The coloured dot / bar of a ticket's SLA tone (board cards). */
export function toneStyle(tone: SlaTone) {
  return { borderLeft: `4px solid ${SLA_TONE_COLORS[tone]}` };
}
