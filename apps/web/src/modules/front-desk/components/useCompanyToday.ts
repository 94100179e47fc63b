import dayjs from 'dayjs';
import { useAuth } from '../../../app/AuthContext';
import { useRegistrationStats } from '../api';

/**
 * Today in the company's time zone (the server's day for rosters and registrations): the date the
 * stats endpoint answers for by default; the browser's date until it is known or without access.
 */
export function useCompanyToday(): string {
  const { hasPermission } = useAuth();
  const stats = useRegistrationStats(undefined, undefined, hasPermission('frontdesk.view'));
  return stats.data?.from ?? dayjs().format('YYYY-MM-DD');
}
