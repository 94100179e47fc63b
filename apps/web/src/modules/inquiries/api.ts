import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';

export const CHANNELS = ['phone', 'online', 'email', 'visit'] as const;
export const TOPICS = ['product_info', 'price', 'technical', 'delivery', 'after_sales', 'other'] as const;
export const PRESALE_KINDS = ['product_info', 'technical', 'sample'] as const;
export const PRESALE_STATUSES = ['open', 'in_progress', 'fulfilled', 'cancelled'] as const;
// Which actions a request's state allows (packages/core PRESALE_TRANSITIONS).
export const PRESALE_ACTIONS: Record<string, string[]> = {
  open: ['start', 'fulfil', 'cancel'],
  in_progress: ['fulfil', 'cancel'],
  fulfilled: [],
  cancelled: [],
};

export interface Inquiry {
  id: number;
  channel: string;
  contactName: string;
  company: string | null;
  mobile: string | null;
  email: string | null;
  topic: string;
  question: string;
  answer: string | null;
  status: 'open' | 'answered';
  handlerId: number;
  handlerName: string;
  receivedAt: string;
  replyDueAt: string | null;
  answeredAt: string | null;
  overdue: boolean;
  customerId: number | null;
  opportunityId: number | null;
  convertedAt: string | null;
  version: number;
  products?: { id: number; code: string; name: string }[];
  presaleRequests?: { id: number; kind: string; detail: string; status: string }[];
  canHandle?: boolean;
}
export interface PresaleRequest {
  id: number;
  inquiryId: number;
  kind: string;
  detail: string;
  productName: string | null;
  quantity: number | null;
  expectedReturnDate: string | null;
  returnedAt: string | null;
  status: string;
  assigneeName: string;
  contactName: string;
  company: string | null;
  fulfilledAt: string | null;
  note: string | null;
  createdAt: string;
  returnOverdue: boolean;
  version: number;
  canHandle?: boolean;
}
export interface Analysis {
  from: string;
  to: string;
  totals: { total: number; answered: number; customers: number; opportunities: number };
  topics: { topic: string; count: number }[];
  questions: { question: string; count: number }[];
  products: { productId: number; code: string; name: string; count: number; customers: number }[];
  categories: { category: string | null; count: number }[];
  handlers: { handlerId: number; name: string; online: number; onTime: number; late: number; waiting: number }[];
}

const keys = { all: ['inquiries'] as const, presale: ['presale-requests'] as const };

export function useInquiries(params: QueryParams) {
  return useQuery({
    queryKey: [...keys.all, 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<Inquiry>>('/api/inquiries', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useInquiry(id: number) {
  return useQuery({
    queryKey: [...keys.all, 'detail', id],
    queryFn: ({ signal }) => apiFetch<Inquiry>(`/api/inquiries/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}
export function useInquiryAnalysis(params: QueryParams) {
  return useQuery({
    queryKey: [...keys.all, 'analysis', params],
    queryFn: ({ signal }) => apiFetch<Analysis>('/api/inquiries/analysis', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
export function usePresaleRequests(params: QueryParams) {
  return useQuery({
    queryKey: [...keys.presale, 'list', params],
    queryFn: ({ signal }) => apiFetch<Paged<PresaleRequest>>('/api/presale-requests', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
export function usePresaleRequest(id: number) {
  return useQuery({
    queryKey: [...keys.presale, 'detail', id],
    queryFn: ({ signal }) => apiFetch<PresaleRequest>(`/api/presale-requests/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Any write of this module: every inquiry and request query is refreshed after it. */
export function useInquiryMutation<B, R = unknown>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiFetch<R>(path, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.all });
      void qc.invalidateQueries({ queryKey: keys.presale });
    },
  });
}
