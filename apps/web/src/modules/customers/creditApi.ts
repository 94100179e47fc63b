import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse } from '../../app/api';
import { type ApprovalInstance, type ApprovalStatus, approvalKeys } from '../../components/approvalApi';
import { customerKeys } from './api';

export interface CreditRequest {
  id: number;
  rating: string;
  creditLimit: string;
  paymentTermsDays: number;
  oldRating: string | null;
  oldCreditLimit: string | null;
  oldPaymentTermsDays: number | null;
  reason: string;
  status: ApprovalStatus;
  requestedByName: string | null;
  instanceId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface CreditRequestInput {
  rating: string;
  /** Decimal string with 2 places. */
  creditLimit: string;
  paymentTermsDays: number;
  reason: string;
}

export const creditKeys = {
  requests: (customerId: number) => [...customerKeys.detail(customerId), 'credit-requests'] as const,
  approvals: (customerId: number, requestId: number) =>
    [...customerKeys.detail(customerId), 'credit-requests', requestId, 'approvals'] as const,
};

export function useCreditRequests(customerId: number) {
  return useQuery({
    queryKey: creditKeys.requests(customerId),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<CreditRequest>>(`/api/customers/${customerId}/credit-requests`, { signal }),
  });
}

/** The approval runs of one credit request (oldest first), with their chains and histories. */
export function useCreditApprovals(customerId: number, requestId: number) {
  return useQuery({
    queryKey: creditKeys.approvals(customerId, requestId),
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<ApprovalInstance>>(`/api/credit-requests/${requestId}/approvals`, { signal }),
  });
}

export function useRequestCreditChange(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditRequestInput) =>
      apiFetch<{ id: number; instanceId: number; status: ApprovalStatus }>(
        `/api/customers/${customerId}/credit-requests`,
        { method: 'POST', body },
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: customerKeys.detail(customerId) });
      void qc.invalidateQueries({ queryKey: approvalKeys.all });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
