import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../types';

/**
 * The funnel as steps: the open stages, then how it ends — the lost stage once lost, the won
 * stage otherwise.
 */
export function StageSteps({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation();
  const open = o.stages.filter((s) => s.kind === 'open');
  const end = o.stages.find((s) => s.kind === (o.status === 'lost' ? 'lost' : 'won'));
  const steps = end ? [...open, end] : open;
  const current = Math.max(
    0,
    steps.findIndex((s) => s.current),
  );
  const status = o.status === 'won' ? 'finish' : o.status === 'lost' ? 'error' : 'process';

  return (
    <Steps
      data-testid="opp-stage-steps"
      size="small"
      current={current}
      status={status}
      items={steps.map((s) => ({
        title: <span data-testid={s.current ? 'opp-stage-current' : undefined}>{s.name}</span>,
        content: t('opportunity.percent', { value: s.probability }),
      }))}
    />
  );
}
