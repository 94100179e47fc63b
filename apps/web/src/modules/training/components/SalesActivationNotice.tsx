import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { formatDate } from '../../../components/format';
import { useMyOnboarding } from '../api';

/**
 * Shown where a rep would own customers or create quotes and orders: while the signed-in user is
 * in onboarding training they are not active for sales (SPEC 5.4), and the server refuses it.
 */
export function SalesActivationNotice() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const q = useMyOnboarding(!!me);
  if (!q.data || q.data.activeForSales) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="onboarding-notice"
      title={t('training.notActiveTitle')}
      description={
        <>
          {q.data.dueOn ? t('training.notActiveDue', { date: formatDate(q.data.dueOn) }) : t('training.notActive')}{' '}
          {me ? <Link to={`/training/staff/${me.id}`}>{t('training.myRecord')}</Link> : null}
        </>
      }
    />
  );
}
