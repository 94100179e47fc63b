import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from '../../app/api';

export const HEALTH_KINDS = [
  'quote_approval',
  'contract_review',
  'order_review',
  'delivery_unshipped',
  'return_open',
  'ticket_idle',
  'followup_overdue',
  'receivable_overdue',
  'order_slipped',
] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

export interface HealthItem {
  kind: HealthKind;
  id: number;
  no: string;
  customerName: string;
  ownerName: string;
  deptName: string;
  since: string;
  days: number;
  amount: string | null;
  link: string;
}

export interface HealthPage {
  items: HealthItem[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  byKind: Partial<Record<HealthKind, number>>;
}

export function useProcessHealth(params: QueryParams) {
  return useQuery({
    queryKey: ['process-health', params],
    queryFn: ({ signal }) => apiFetch<HealthPage>('/api/process-health', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
