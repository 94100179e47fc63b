import type { ApiTokenStatus, WebhookDeliveryStatus } from '@sales/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';

/** Personal API tokens and webhooks (SPEC 1.11). */
export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  /** The last day the token works (YYYY-MM-DD), or null for no expiry. */
  expiresOn: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: ApiTokenStatus;
}

export interface AdminApiToken extends ApiToken {
  userName: string;
  username: string;
}

export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  pending?: number;
  failed?: number;
  lastAttempt?: { at: string; statusCode: number | null; error: string | null } | null;
}

export interface WebhookEndpointForm {
  url: string;
  description: string | null;
  events: string[];
  active: boolean;
}

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookAttempt {
  id: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

export interface WebhookDeliveryDetail extends WebhookDelivery {
  payload: string;
  attemptLog: WebhookAttempt[];
}

// ---------- own tokens ----------
export function useMyApiTokens() {
  return useQuery({
    queryKey: ['api-tokens', 'mine'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<ApiToken>>('/api/me/api-tokens', { signal }),
  });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresOn: string | null }) =>
      apiFetch<ApiToken & { secret: string }>('/api/me/api-tokens', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

export function useRevokeMyApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<ApiToken>(`/api/me/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

// ---------- every user's tokens (admin) ----------
export function useAllApiTokens(params: { page: number; pageSize: number; keyword?: string; status?: string }) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: ['api-tokens', 'all', q],
    queryFn: ({ signal }) => apiFetch<Paged<AdminApiToken>>('/api/api-tokens', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeAnyApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<ApiToken>(`/api/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['api-tokens'] }),
  });
}

// ---------- webhooks ----------
export function useWebhookEventTypes() {
  return useQuery({
    queryKey: ['webhooks', 'event-types'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<string>>('/api/webhooks/event-types', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: ['webhooks', 'list'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<WebhookEndpoint>>('/api/webhooks', { signal }),
  });
}

export function useSaveWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WebhookEndpointForm & { id?: number; version?: number }) =>
      id
        ? apiFetch<WebhookEndpoint>(`/api/webhooks/${id}`, { method: 'PUT', body })
        : apiFetch<WebhookEndpoint & { secret: string }>('/api/webhooks', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export function useWebhookSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'reveal-secret' | 'rotate-secret' }) =>
      apiFetch<{ secret: string }>(`/api/webhooks/${id}/${action}`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks', 'list'] }),
  });
}

export function useSendTestEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<WebhookDeliveryDetail>(`/api/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export function useWebhookDeliveries(
  endpointId: number | null,
  params: { page: number; pageSize: number; status?: string },
) {
  const q = params as QueryParams;
  return useQuery({
    queryKey: ['webhooks', 'deliveries', endpointId, q],
    queryFn: ({ signal }) =>
      apiFetch<Paged<WebhookDelivery>>(`/api/webhooks/${endpointId}/deliveries`, { query: q, signal }),
    enabled: endpointId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useWebhookDelivery(id: number | null) {
  return useQuery({
    queryKey: ['webhooks', 'delivery', id],
    queryFn: ({ signal }) => apiFetch<WebhookDeliveryDetail>(`/api/webhook-deliveries/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useRedeliver() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      apiFetch<WebhookDeliveryDetail>(`/api/webhook-deliveries/${id}/redeliver`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}
