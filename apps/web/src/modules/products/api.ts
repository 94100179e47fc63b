import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import { type ApprovalInstance, type ApprovalStatus, approvalKeys } from '../../components/approvalApi';

export interface InspectionItem {
  key: string;
  label: string;
}

export interface ProductCategory {
  id: number;
  code: string;
  name: string;
  inspectionChecklist: InspectionItem[];
  productCount: number;
  version: number;
}

export interface Product {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  barcode: string | null;
  categoryId: number | null;
  categoryName: string | null;
  taxRate: string;
  standardPrice: string;
  floorPrice: string;
  /** Present only for users granted product.cost. */
  cost?: string | null;
  warrantyMonths: number;
  tracking: 'none' | 'batch' | 'serial';
  shelfLifeDays: number | null;
  attributes: Record<string, string>;
  requiresChineseLabel: boolean;
  active: boolean;
  version: number;
  pendingAdjustmentId?: number | null;
  updatedAt?: string;
}

export type ProductInput = Omit<
  Product,
  'id' | 'categoryName' | 'version' | 'pendingAdjustmentId' | 'updatedAt' | 'standardPrice' | 'floorPrice'
> & {
  standardPrice?: string;
  floorPrice?: string;
};

export type ProductFilters = {
  keyword?: string;
  categoryId?: number;
  active?: 'true' | 'false';
  tracking?: string;
};

export interface PriceAdjustment {
  id: number;
  no: string;
  oldStandardPrice: string;
  newStandardPrice: string;
  oldFloorPrice: string;
  newFloorPrice: string;
  cutPercent: string;
  reason: string;
  effectiveDate: string | null;
  status: ApprovalStatus;
  requestedByName: string;
  instanceId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface PriceListItem {
  productId: number;
  price: string;
  code?: string;
  name?: string;
  spec?: string | null;
  unit?: string;
  standardPrice?: string;
}

export interface PriceList {
  id: number;
  name: string;
  kind: 'list' | 'promotion';
  customerClass: string | null;
  validFrom: string;
  validTo: string | null;
  active: boolean;
  version: number;
  itemCount?: number;
  items?: PriceListItem[];
}

export type PriceListInput = Omit<PriceList, 'id' | 'version' | 'itemCount' | 'items'> & {
  items: { productId: number; price: string }[];
};

export interface LookupProduct {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  standardPrice: string;
}

export const productKeys = {
  all: ['products'] as const,
  list: (params: QueryParams) => ['products', 'list', params] as const,
  detail: (id: number) => ['products', 'detail', id] as const,
  adjustments: (id: number) => ['products', 'detail', id, 'adjustments'] as const,
  // Under approvalKeys.all, so an approval decision made on the page refreshes it.
  adjustmentApprovals: (id: number) => ['approvals', 'price_adjustment', id] as const,
  categories: ['product-categories'] as const,
  priceLists: (params: QueryParams) => ['price-lists', params] as const,
  priceList: (id: number) => ['price-lists', 'detail', id] as const,
  lookup: (q: string) => ['products', 'lookup', q] as const,
};

export function useProductList(params: ProductFilters & { page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: productKeys.list(q),
    queryFn: ({ signal }) => apiFetch<Paged<Product>>('/api/products', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProduct(id: number) {
  return useQuery({
    queryKey: productKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<Product>(`/api/products/${id}`, { signal }),
  });
}

export function useSaveProduct(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductInput & { version?: number }) =>
      id
        ? apiFetch<Product>(`/api/products/${id}`, { method: 'PUT', body })
        : apiFetch<Product>('/api/products', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: productKeys.all }),
  });
}

export function useProductLookup(q: string) {
  return useQuery({
    queryKey: productKeys.lookup(q),
    queryFn: ({ signal }) => apiFetch<ItemsResponse<LookupProduct>>('/api/products/lookup', { query: { q }, signal }),
    enabled: q.trim().length > 0,
    staleTime: 30_000,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: productKeys.categories,
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ProductCategory>>('/api/product-categories', { signal }),
    staleTime: 60_000,
  });
}

export function useSaveCategory(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ProductCategory, 'id' | 'productCount' | 'version'> & { version?: number }) =>
      id
        ? apiFetch<ProductCategory>(`/api/product-categories/${id}`, { method: 'PUT', body })
        : apiFetch<ProductCategory>('/api/product-categories', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: productKeys.categories }),
  });
}

export function useDeleteCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: { id: number; version: number }) =>
      apiFetch(`/api/product-categories/${c.id}`, { method: 'DELETE', query: { version: c.version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: productKeys.categories }),
  });
}

export function usePriceAdjustments(productId: number) {
  return useQuery({
    queryKey: productKeys.adjustments(productId),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<PriceAdjustment>>(`/api/products/${productId}/price-adjustments`, { signal }),
  });
}

export function useAdjustmentApprovals(adjustmentId: number) {
  return useQuery({
    queryKey: productKeys.adjustmentApprovals(adjustmentId),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ApprovalInstance>>(`/api/price-adjustments/${adjustmentId}/approvals`, { signal }),
  });
}

export function useRequestPriceAdjustment(productId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      newStandardPrice: string;
      newFloorPrice: string;
      reason: string;
      effectiveDate: string | null;
    }) =>
      apiFetch<{ id: number; no: string; instanceId: number; status: ApprovalStatus }>(
        `/api/products/${productId}/price-adjustments`,
        {
          method: 'POST',
          body,
        },
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: productKeys.detail(productId) });
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
    },
  });
}

export function usePriceLists(params: { kind?: string; validOn?: string; page: number; pageSize: number }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: productKeys.priceLists(q),
    queryFn: ({ signal }) => apiFetch<Paged<PriceList>>('/api/price-lists', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePriceList(id: number | null) {
  return useQuery({
    queryKey: productKeys.priceList(id ?? 0),
    queryFn: ({ signal }) => apiFetch<PriceList>(`/api/price-lists/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSavePriceList(id?: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceListInput & { version?: number }) =>
      id
        ? apiFetch<PriceList>(`/api/price-lists/${id}`, { method: 'PUT', body })
        : apiFetch<PriceList>('/api/price-lists', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['price-lists'] }),
  });
}

export function useDeletePriceList() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (l: { id: number; version: number }) =>
      apiFetch(`/api/price-lists/${l.id}`, { method: 'DELETE', query: { version: l.version } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['price-lists'] }),
  });
}
