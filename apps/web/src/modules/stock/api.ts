import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type {
  AdjustInput,
  Availability,
  InboundInput,
  ProductOption,
  StockBatch,
  StockFilters,
  StockMovement,
  StockRow,
  Warehouse,
  WarehouseInput,
} from './types';

export const stockKeys = {
  all: ['stock'] as const,
  warehouses: ['warehouses'] as const,
  list: (params: QueryParams) => ['stock', 'list', params] as const,
  availability: (ids: number[], warehouseId?: number) => ['stock', 'availability', ids, warehouseId] as const,
  batches: (params: QueryParams) => ['stock', 'batches', params] as const,
  movements: (params: QueryParams) => ['stock', 'movements', params] as const,
  productSearch: (keyword: string) => ['products', 'search', keyword] as const,
};

export function useWarehouses(enabled = true) {
  return useQuery({
    queryKey: stockKeys.warehouses,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<Warehouse>>('/api/warehouses', { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function useSaveWarehouse(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WarehouseInput) =>
      id
        ? apiFetch<Warehouse>(`/api/warehouses/${id}`, { method: 'PUT', body })
        : apiFetch<Warehouse>('/api/warehouses', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: stockKeys.warehouses }),
  });
}

export function useStockList(params: StockFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: stockKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<StockRow>>('/api/stock', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Live availability of a set of products (order entry, review). */
export function useAvailability(productIds: number[], warehouseId?: number | null, enabled = true) {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  return useQuery({
    queryKey: stockKeys.availability(ids, warehouseId ?? undefined),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<Availability>>('/api/stock/availability', {
        query: { productIds: ids.join(','), warehouseId: warehouseId ?? undefined },
        signal,
      }),
    enabled: enabled && ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useBatches(params: { productId?: number; batchNo?: string }, enabled = true) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: stockKeys.batches(q),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<StockBatch>>('/api/stock/batches', { query: q, signal }),
    enabled: enabled && Boolean(params.productId || params.batchNo),
    placeholderData: keepPreviousData,
  });
}

export function useMovements(params: {
  productId?: number;
  warehouseId?: number;
  batchId?: number;
  page: number;
  pageSize: number;
}) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: stockKeys.movements(q),
    queryFn: ({ signal }) => apiFetch<Paged<StockMovement>>('/api/stock/movements', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

function useStockCommand<T>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => apiFetch<unknown>(path, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: stockKeys.all }),
  });
}

export const useInbound = () => useStockCommand<InboundInput>('/api/stock/inbound');
export const useAdjust = () => useStockCommand<AdjustInput>('/api/stock/adjust');

/**
 * Quick lookup for order entry (products module, GET /api/products/lookup): up to 20 active products,
 * exact barcode and code-prefix matches first.
 */
export function useProductLookup(q: string) {
  return useQuery({
    queryKey: ['products', 'lookup', q] as const,
    queryFn: ({ signal }) => lookupProducts(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function lookupProducts(q: string, signal?: AbortSignal) {
  return apiFetch<ItemsResponse<ProductOption>>('/api/products/lookup', { query: { q }, signal });
}

/** Product search by code, model, name or barcode (products module, GET /api/products). */
export function useProductSearch(keyword: string, enabled = true) {
  return useQuery({
    queryKey: stockKeys.productSearch(keyword),
    queryFn: ({ signal }) =>
      apiFetch<Paged<ProductOption>>('/api/products', { query: { keyword, page: 1, pageSize: 20 }, signal }),
    enabled: enabled && keyword.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
