import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../components/format';
import { ONBOARDING_COLORS } from '../constants';

/** A person's onboarding state: in training (with its due date), passed, or not required. */
export function OnboardingTag({ status, dueOn }: { status: string | null; dueOn?: string | null }) {
  const { t } = useTranslation();
  if (!status) return <span>{t('training.onboarding.none')}</span>;
  return (
    <Tag color={ONBOARDING_COLORS[status]} data-testid="onboarding-tag">
      {status === 'in_training' && dueOn
        ? t('training.onboarding.inTrainingDue', { date: formatDate(dueOn) })
        : t(`training.onboarding.${status}`)}
    </Tag>
  );
}
