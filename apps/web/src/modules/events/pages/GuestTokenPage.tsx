import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { useGuestByToken } from '../api';
import { GuestCard } from './CheckInPage';

/** What the front desk's phone opens when it scans a guest's QR code: the guest, ready to sign in. */
export function GuestTokenPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const navigate = useNavigate();
  const query = useGuestByToken(token);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const g = query.data;
  return (
    <Card>
      <PageHeader
        title={`${t('events.checkInPage')} · ${g.theme}`}
        onBack={() => navigate(`/events/${g.eventId}/check-in`)}
      />
      <GuestCard guest={g} hasGift={g.hasGift} onDone={() => void query.refetch()} />
    </Card>
  );
}
