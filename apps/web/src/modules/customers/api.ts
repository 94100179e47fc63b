import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, isApiError, type Paged, type QueryParams } from '../../app/api';
import type { DocumentType } from '../../app/documents';
import type { TimelineEntry } from '../../components/Timeline';

export interface CustomerListItem {
  id: number;
  no: string;
  kind: string;
  name: string;
  mobile: string | null;
  class: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  tags: string[];
  gender: string | null;
  /** YYYY-MM-DD, or masked to the year (1978-**-**). */
  birthDate: string | null;
  occupation: string | null;
  interests: string[];
  purchaseIntent: string | null;
  lastDealAt: string | null;
  ownerId: number | null;
  ownerName: string | null;
  deptName: string | null;
  lastFollowUpAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic lock: the bulk actions send the version each row was seen at. */
  version: number;
}

export interface Customer {
  id: number;
  no: string;
  kind: string;
  name: string;
  creditCode: string | null;
  idNumber: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  region: string | null;
  industry: string | null;
  source: string | null;
  class: string | null;
  tags: string[];
  remark: string | null;
  gender: string | null;
  /** YYYY-MM-DD, or masked to the year (1978-**-**). */
  birthDate: string | null;
  occupation: string | null;
  interests: string[];
  purchaseIntent: string | null;
  ownerId: number | null;
  ownerName: string | null;
  ownerDeptId: number | null;
  deptName: string | null;
  masked: boolean;
  /** Set when a delete within the retention period archived the customer (已归档). */
  archivedAt?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string | null;
  lastFollowUpAt: string | null;
  /** Credit (资信): changed only through an approved credit request. */
  creditRating: string | null;
  /** Decimal string, e.g. "200000.00". */
  creditLimit: string | null;
  paymentTermsDays: number | null;
}

export interface CustomerInput {
  kind: string;
  name: string;
  creditCode?: string | null;
  idNumber?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  region?: string | null;
  industry?: string | null;
  source?: string | null;
  class?: string | null;
  tags?: string[];
  remark?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  occupation?: string | null;
  interests?: string[];
  purchaseIntent?: string | null;
  ownerId?: number | null;
  /** Edit only: why the change was made, kept on the audit trail and the timeline. */
  comment?: string | null;
}

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  isPrimary: boolean;
  remark: string | null;
  version: number;
}

export type ContactInput = Omit<Contact, 'id' | 'customerId' | 'version'>;

export interface FollowUp {
  id: number;
  customerId: number;
  type: string;
  content: string;
  outcome: string | null;
  contactId: number | null;
  contactName: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  /** Where the rep was (WGS-84) when he shared his position; accuracy in metres. */
  latitude: number | null;
  longitude: number | null;
  locationAccuracy: number | null;
  /** Set once a later follow-up is recorded: the planned next action is done. */
  doneAt: string | null;
  createdAt: string;
  createdById: number;
  createdByName: string | null;
}

export interface FollowUpInput {
  type: string;
  content: string;
  outcome: string;
  contactId?: number | null;
  nextAction?: string | null;
  nextActionDate?: string | null;
  location?: FollowUpLocation | null;
}

export interface FollowUpLocation {
  latitude: number;
  longitude: number;
  accuracy: number | null;
}

export type MyFollowUp = FollowUp & { customerName: string; customerNo: string };
export type FollowUpStatus = 'due' | 'overdue' | 'upcoming';

// a type alias (not interface) so it is assignable to QueryParams
export type CustomerFilters = {
  keyword?: string;
  ownerId?: number;
  deptId?: number;
  class?: string;
  region?: string;
  source?: string;
  tag?: string;
  createdFrom?: string;
  createdTo?: string;
  gender?: string;
  ageFrom?: string;
  ageTo?: string;
  occupation?: string;
  /** Comma-separated interest codes: any of them. */
  interests?: string;
  purchaseIntent?: string;
  /** 最近成交 from / to (YYYY-MM-DD). */
  lastDealFrom?: string;
  lastDealTo?: string;
  /** 'true': only the archived customers (已归档). */
  archived?: string;
  /** 我负责的 / 下属的 / 全部 (absent: 全部). */
  view?: string;
  sort?: string;
  order?: 'asc' | 'desc';
};

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: QueryParams) => ['customers', 'list', params] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  contacts: (id: number) => ['customers', 'detail', id, 'contacts'] as const,
  followUps: (id: number) => ['customers', 'detail', id, 'follow-ups'] as const,
  timeline: (id: number) => ['customers', 'detail', id, 'timeline'] as const,
  related: (id: number) => ['customers', 'detail', id, 'related'] as const,
  mine: (status: FollowUpStatus, page: number, pageSize: number) =>
    ['follow-ups', 'mine', status, page, pageSize] as const,
};

export function useCustomerList(params: CustomerFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: customerKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<CustomerListItem>>('/api/customers', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Customer>(`/api/customers/${id}`, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

/** A kind of record of the customer 360 the viewer may read (issue 11 item 3). */
export type RelatedType = 'contact' | DocumentType;

/** One of a kind's newest records; amount a decimal string (null: none, or withheld contract prices). */
export interface RelatedItem {
  id: number;
  no: string | null;
  name: string | null;
  status: string | null;
  amount: string | null;
  /** YYYY-MM-DD */
  date: string | null;
}

export interface RelatedKind {
  type: RelatedType;
  total: number;
  totalCapped: boolean;
  recent: RelatedItem[];
}

/** GET /api/customers/:id/related: per kind the viewer may read, its (capped) count and newest records. */
export function useCustomerRelated(id: number) {
  return useQuery({
    queryKey: customerKeys.related(id),
    queryFn: ({ signal }) => apiFetch<{ items: RelatedKind[] }>(`/api/customers/${id}/related`, { signal }),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useContacts(id: number) {
  return useQuery({
    queryKey: customerKeys.contacts(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Contact>>(`/api/customers/${id}/contacts`, { signal }),
  });
}

export function useFollowUps(id: number) {
  return useQuery({
    queryKey: customerKeys.followUps(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<FollowUp>>(`/api/customers/${id}/follow-ups`, { signal }),
  });
}

export function useTimeline(id: number) {
  return useQuery({
    queryKey: customerKeys.timeline(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<TimelineEntry>>(`/api/customers/${id}/timeline`, { signal }),
  });
}

export function useMyFollowUps(status: FollowUpStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: customerKeys.mine(status, page, pageSize),
    queryFn: ({ signal }) =>
      apiFetch<Paged<MyFollowUp>>('/api/follow-ups/mine', { query: { status, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Invalidate everything about one customer (detail, tabs) and all lists. */
function useInvalidateCustomer() {
  const qc = useQueryClient();
  return (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['customers', 'list'] });
    void qc.invalidateQueries({ queryKey: ['follow-ups'] });
    if (id) void qc.invalidateQueries({ queryKey: customerKeys.detail(id) });
  };
}

export function useSaveCustomer(id?: number) {
  const qc = useQueryClient();
  const invalidate = useInvalidateCustomer();
  return useMutation({
    mutationFn: (body: CustomerInput & { version?: number }) =>
      id
        ? apiFetch<Customer>(`/api/customers/${id}`, { method: 'PUT', body })
        : apiFetch<Customer>('/api/customers', { method: 'POST', body }),
    onSuccess: (customer) => {
      qc.setQueryData(customerKeys.detail(customer.id), customer);
      invalidate(customer.id);
    },
  });
}

/**
 * Transfers a customer. Lists are refreshed here; the detail is left to the caller, because after a
 * transfer out of the caller's data scope the customer can no longer be read (404).
 */
export function useTransferCustomer(id: number) {
  const invalidate = useInvalidateCustomer();
  return useMutation({
    mutationFn: (body: { toUserId: number; reason: string; version: number }) =>
      apiFetch<{ ok: boolean }>(`/api/customers/${id}/transfer`, { method: 'POST', body }),
    onSuccess: () => invalidate(),
  });
}

/** After a transfer: is the customer still visible to me? Refreshes it if so, drops it if not. */
export function useRecheckCustomer(id: number) {
  const qc = useQueryClient();
  return async (): Promise<boolean> => {
    try {
      const customer = await apiFetch<Customer>(`/api/customers/${id}`);
      qc.setQueryData(customerKeys.detail(id), customer);
      void qc.invalidateQueries({ queryKey: customerKeys.detail(id), predicate: (q) => q.queryKey.length > 3 });
      return true;
    } catch (e) {
      if (!isApiError(e, 404) && !isApiError(e, 403)) throw e;
      qc.removeQueries({ queryKey: customerKeys.detail(id) });
      return false;
    }
  };
}

export function useDeleteCustomer(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch<{ archived: boolean; retainedUntil: string }>(`/api/customers/${id}`, {
        method: 'DELETE',
        query: { version },
      }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: customerKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['customers', 'list'] });
    },
  });
}

export function useSaveContact(customerId: number) {
  const invalidate = useInvalidateCustomer();
  return useMutation({
    mutationFn: ({ id, ...body }: ContactInput & { id?: number; version?: number }) =>
      id
        ? apiFetch<Contact>(`/api/contacts/${id}`, { method: 'PUT', body })
        : apiFetch<Contact>(`/api/customers/${customerId}/contacts`, { method: 'POST', body }),
    onSuccess: () => invalidate(customerId),
  });
}

export function useDeleteContact(customerId: number) {
  const invalidate = useInvalidateCustomer();
  return useMutation({
    mutationFn: (c: { id: number; version: number }) =>
      apiFetch<void>(`/api/contacts/${c.id}`, { method: 'DELETE', query: { version: c.version } }),
    onSuccess: () => invalidate(customerId),
  });
}

export function useAddFollowUp(customerId: number) {
  const invalidate = useInvalidateCustomer();
  return useMutation({
    mutationFn: (body: FollowUpInput) =>
      apiFetch<FollowUp>(`/api/customers/${customerId}/follow-ups`, { method: 'POST', body }),
    onSuccess: () => invalidate(customerId),
  });
}
