import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';

export interface Attachment {
  id: number;
  fileName: string;
  size: number;
  createdAt: string;
}
export interface ResearchReport {
  id: number;
  period: string;
  title: string;
  findings: string;
  status: 'draft' | 'submitted';
  ownerId: number;
  ownerName: string;
  deptName: string;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
  attachments?: Attachment[];
}
export interface MissingReport {
  period: string;
  due: string;
  userId: number;
  userName: string;
  deptName: string;
  reportId: number | null;
  status: 'missing' | 'draft';
}
export interface Competitor {
  id: number;
  name: string;
  products: string;
  serviceLevel: string;
  note: string | null;
  version: number;
  updatedAt: string;
  lostCount?: number;
  lastMoveOn?: string | null;
  offers?: { product: string; price: string }[];
  moves?: { id: number; movedOn: string; description: string; recordedByName: string | null }[];
  lostOpportunities?: {
    id: number;
    no: string;
    name: string;
    amount: string;
    closedOn: string | null;
    lostReason: string | null;
    ownerName: string;
  }[];
  lostAmount?: string;
}
export interface Forecast {
  id: number;
  period: string;
  categoryId: number;
  categoryName: string;
  region: string;
  marketDemand: string;
  demandPotential: string;
  salesPotential: string;
  note: string | null;
  ownerName: string;
  actualVolume: string | null;
  potentialReached: string | null;
  version: number;
}
export interface PromotionStage {
  id: number;
  seq: number;
  name: string;
  plan: string | null;
  startDate: string;
  endDate: string;
  budget: string;
  status: 'draft' | 'pending' | 'approved' | 'rejected';
  cost: string | null;
  leads: number | null;
  deals: number | null;
  revenue: string | null;
  costPerLead: string | null;
  dealRate: string | null;
  roi: string | null;
  evaluatedAt: string | null;
  version: number;
}
export interface PromotionTotals {
  budget: string;
  approvedBudget: string;
  cost: string;
  leads: number;
  deals: number;
  revenue: string;
  costPerLead: string | null;
  dealRate: string | null;
  roi: string | null;
  evaluatedStages: number;
}
export interface Promotion {
  id: number;
  name: string;
  description: string | null;
  startDate: string;
  endDate: string;
  ownerName: string;
  stages: number | PromotionStage[];
  approvedStages?: number;
  pendingStages?: number;
  budget?: string;
  totals?: PromotionTotals;
  canManage?: boolean;
}
export interface Demand {
  id: number;
  requester: string;
  customerName: string | null;
  productDescription: string;
  quantity: string;
  unit: string;
  note: string | null;
  status: 'registered' | 'reported' | 'closed';
  tradingCompany: string | null;
  reportedOn: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  ownerName: string;
  deptName: string;
  version: number;
  createdAt: string;
  canManage?: boolean;
}

const KEY = ['research'] as const;
const list = <T>(path: string, params: QueryParams) =>
  useQuery({
    queryKey: [...KEY, path, params],
    queryFn: ({ signal }) => apiFetch<Paged<T>>(path, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
const one = <T>(path: string, enabled = true) =>
  useQuery({ queryKey: [...KEY, path], queryFn: ({ signal }) => apiFetch<T>(path, { signal }), enabled });

export const useReports = (p: QueryParams) => list<ResearchReport>('/api/research-reports', p);
export const useReport = (id: number | null) => one<ResearchReport>(`/api/research-reports/${id}`, !!id);
export const useMissingReports = (period?: string) =>
  useQuery({
    queryKey: [...KEY, 'missing', period],
    queryFn: ({ signal }) =>
      apiFetch<{ items: MissingReport[] }>('/api/research-reports/missing', { query: { period }, signal }),
  });
export const useCompetitors = (p: QueryParams) => list<Competitor>('/api/competitors', p);
export const useCompetitor = (id: number | null) => one<Competitor>(`/api/competitors/${id}`, !!id);
export const useForecasts = (p: QueryParams) => list<Forecast>('/api/market-forecasts', p);
export const useCategories = () => one<{ items: { id: number; name: string }[] }>('/api/market-forecasts/categories');
export const usePromotions = (p: QueryParams) => list<Promotion>('/api/promotions', p);
export const usePromotion = (id: number) => one<Promotion>(`/api/promotions/${id}`, id > 0);
export const useStageApprovals = (id: number) =>
  one<{ items: ApprovalInstance[] }>(`/api/promotion-stages/${id}/approvals`, id > 0);
export const useDemands = (p: QueryParams) => list<Demand>('/api/product-demands', p);
export const useDemand = (id: number | null) => one<Demand>(`/api/product-demands/${id}`, !!id);
export const useLostOpportunities = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'lost-opps'],
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; no: string; name: string }>>('/api/opportunities', {
        query: { status: 'lost', pageSize: 100 },
        signal,
      }),
    enabled,
  });

/** A write to the research API; every research query is refreshed after it. */
export function useResearchWrite<B>(method: 'POST' | 'PUT', path: (b: B) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiFetch<{ id?: number }>(path(body), { method, body: strip(body) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
// Routing keys (`_id`) are not sent in the body.
const strip = (b: unknown) => {
  if (!b || typeof b !== 'object') return b;
  const { _id: _omit, ...rest } = b as Record<string, unknown>;
  return rest;
};
