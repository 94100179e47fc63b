import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';

export interface NotificationItem {
  id: number;
  kind: string;
  /** Message key and params as stored; `title` is what to show. */
  titleKey: string;
  params: Record<string, string | number>;
  /** The text rendered by the server in the request's language (its messages are the source of truth). */
  title: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

export const notificationKeys = { list: ['notifications', 'list'] as const };

/** The latest notifications and the unread count: every minute and when the window regains focus. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => apiFetch<NotificationList>('/api/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

export function useMarkNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[] | 'all') =>
      apiFetch<{ ok: boolean }>('/api/notifications/read', { method: 'POST', body: { ids } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
