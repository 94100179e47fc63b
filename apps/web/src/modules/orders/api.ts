import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';
import type {
  OrderDetail,
  OrderFilters,
  OrderInput,
  OrderListItem,
  OrderReview,
  OrderTimelineItem,
  PlannerRow,
  ProductionTask,
  ProductionTaskLineInput,
  ReviewResult,
} from './types';

export const orderKeys = {
  all: ['orders'] as const,
  list: (params: QueryParams) => ['orders', 'list', params] as const,
  detail: (id: number) => ['orders', 'detail', id] as const,
  timeline: (id: number) => ['orders', 'detail', id, 'timeline'] as const,
  reviews: (id: number) => ['orders', 'detail', id, 'reviews'] as const,
  planner: (params: QueryParams) => ['planner', 'summary', params] as const,
  tasks: (params: QueryParams) => ['production-tasks', params] as const,
  price: (productId: number, customerClass: string | undefined, date: string) =>
    ['products', 'price', productId, customerClass, date] as const,
};

/** The order's credit-override approvals, for everyone who sees the order. */
export function useOrderApprovals(id: number) {
  return useQuery({
    queryKey: [...orderKeys.detail(id), 'approvals'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/orders/${id}/approvals`, { signal }),
  });
}

export function useOrderList(params: OrderFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: orderKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<OrderListItem>>('/api/orders', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<OrderDetail>(`/api/orders/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useOrderTimeline(id: number) {
  return useQuery({
    queryKey: orderKeys.timeline(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<OrderTimelineItem>>(`/api/orders/${id}/timeline`, { signal }),
  });
}

export function useOrderReviews(id: number) {
  return useQuery({
    queryKey: orderKeys.reviews(id),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<OrderReview>>(`/api/orders/${id}/reviews`, { signal }),
  });
}

/** After any change: the order (and its tabs), lists, stock and the planner are stale. */
function useInvalidateOrder() {
  const qc = useQueryClient();
  return (id?: number) => {
    void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
    void qc.invalidateQueries({ queryKey: ['stock'] });
    void qc.invalidateQueries({ queryKey: ['planner'] });
    void qc.invalidateQueries({ queryKey: ['production-tasks'] });
    if (id) void qc.invalidateQueries({ queryKey: orderKeys.detail(id) });
  };
}

/** Create (with an Idempotency-Key per form opening) or update a draft. */
export function useSaveOrder(id?: number) {
  const invalidate = useInvalidateOrder();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: OrderInput & { version?: number }; idempotencyKey: string }) =>
      id
        ? apiFetch<OrderDetail>(`/api/orders/${id}`, { method: 'PUT', body })
        : apiFetch<OrderDetail>('/api/orders', {
            method: 'POST',
            body,
            headers: { 'idempotency-key': idempotencyKey },
          }),
    onSuccess: (saved) => invalidate(saved?.id ?? id),
  });
}

export type OrderCommand =
  | { command: 'confirm'; body: { note: string; version: number } }
  | { command: 'confirm-special'; body: { version: number } }
  | { command: 'submit'; body: { version: number } }
  | { command: 'return'; body: { reason: string; version: number } }
  | {
      command: 'review';
      body: { comment?: string; allowProduction?: boolean; promisedDate?: string; version: number };
    }
  | { command: 'cancel'; body: { reason: string; version: number } }
  | { command: 'prepare'; body: { version: number } }
  | { command: 'label-check'; body: { lineId: number; checked: boolean; version: number } }
  | { command: 'complete'; body: { version: number } };

export function useOrderCommand(id: number) {
  const invalidate = useInvalidateOrder();
  return useMutation({
    mutationFn: ({ command, body }: OrderCommand) =>
      apiFetch<ReviewResult | OrderDetail | undefined>(`/api/orders/${id}/${command}`, { method: 'POST', body }),
    onSuccess: () => invalidate(id),
  });
}

export function usePlannerSummary(params: { from?: string; to?: string }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: orderKeys.planner(q),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<PlannerRow>>('/api/planner/summary', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProductionTasks(params: { status?: string; orderId?: number }, enabled = true) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: orderKeys.tasks(q),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ProductionTask>>('/api/production-tasks', { query: q, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateProductionTasks(orderId: number) {
  const invalidate = useInvalidateOrder();
  return useMutation({
    mutationFn: (lines: ProductionTaskLineInput[]) =>
      apiFetch<unknown>(`/api/orders/${orderId}/production-tasks`, { method: 'POST', body: { lines } }),
    onSuccess: () => invalidate(orderId),
  });
}

export function useUpdateProductionTask() {
  const invalidate = useInvalidateOrder();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: number;
      status: string;
      doneQty: string;
      progressNote: string | null;
      dueDate: string;
      version: number;
    }) => apiFetch<ProductionTask>(`/api/production-tasks/${id}`, { method: 'PUT', body }),
    onSuccess: (task) => invalidate(task?.orderId),
  });
}

/** Contacts of the chosen customer (order contact picker); nothing before a customer is chosen. */
export function useCustomerContacts(customerId: number | undefined) {
  return useQuery({
    queryKey: ['customers', 'detail', customerId, 'contacts'] as const,
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<{ id: number; name: string }>>(`/api/customers/${customerId}/contacts`, { signal }),
    enabled: customerId !== undefined && customerId > 0,
  });
}

/** The price a customer class pays for a product on a date (products module, GET /api/products/:id/price). */
export async function fetchProductPrice(productId: number, customerClass: string | undefined, date: string) {
  const res = await apiFetch<{ price: string } | undefined>(`/api/products/${productId}/price`, {
    query: { customerClass, date },
  });
  return res?.price ?? null;
}
