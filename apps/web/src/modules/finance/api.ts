import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type ItemsResponse, type Paged, type QueryParams } from '../../app/api';
import type { ApprovalInstance } from '../../components/approvalApi';

export interface Payment {
  id: number;
  no: string;
  customerId: number;
  customerName: string;
  orderId: number | null;
  orderNo: string | null;
  contractId: number | null;
  contractNo: string | null;
  kind: string;
  method: string;
  chequeNo: string | null;
  amount: string;
  /** Counter cash (唱收唱找): what was handed over and the change given back. */
  tenderedAmount: string | null;
  changeAmount: string | null;
  receivedDate: string;
  status: string;
  receiptNo: string | null;
  payerName: string | null;
  remark: string | null;
  ownerName: string | null;
  version: number;
  updatedAt: string;
}

export interface InvoiceLine {
  lineNo: number;
  description: string;
  spec: string | null;
  unit: string;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: string;
  taxAmount: string;
  grossAmount: string;
}

export interface Invoice {
  id: number;
  no: string;
  externalNo: string;
  customerId: number;
  customerName: string;
  orderId: number | null;
  orderNo: string | null;
  contractId: number | null;
  contractNo: string | null;
  kind: string;
  status: string;
  issueDate: string;
  dueDate: string;
  isLate: boolean;
  buyerName: string;
  buyerTaxNo: string | null;
  buyerPhone: string | null;
  issuerName: string;
  payeeName: string;
  totalNet: string;
  totalTax: string;
  totalGross: string;
  amountInWords: string;
  replacesInvoiceId: number | null;
  voidReason: string | null;
  ownerName: string | null;
  version: number;
}

export type Buckets = Record<'notDue' | 'd1_30' | 'd31_60' | 'd61_90' | 'over90', string>;
export interface ReceivableRow {
  customerId: number;
  customerName: string;
  invoiced: string;
  received: string;
  writtenOff: string;
  unapplied: string;
  outstanding: string;
  buckets: Buckets;
}
export interface ArrearsRow {
  invoiceId: number;
  externalNo: string;
  customerId: number;
  customerName: string;
  documentNo: string;
  orderId: number | null;
  contractId: number | null;
  issueDate: string;
  dueDate: string;
  invoiced: string;
  received: string;
  outstanding: string;
  daysOverdue: number;
  ownerName: string | null;
}
export interface Statement {
  customer: { id: number; no: string; name: string };
  from: string;
  to: string;
  openingBalance: string;
  totalDebit: string;
  totalCredit: string;
  closingBalance: string;
  entries: {
    date: string;
    kind: string;
    no: string;
    documentNo: string | null;
    description: string;
    debit: string;
    credit: string;
    balance: string;
  }[];
}
export interface WriteOff {
  id: number;
  no: string;
  customerName: string;
  orderId: number;
  orderNo: string;
  amount: string;
  reason: string;
  status: string;
  requestedByName: string | null;
  instanceId: number | null;
  createdAt: string;
}

export const financeKeys = {
  all: ['finance'] as const,
  payments: (p: QueryParams) => ['finance', 'payments', p] as const,
  invoices: (p: QueryParams) => ['finance', 'invoices', p] as const,
  invoice: (id: number) => ['finance', 'invoice', id] as const,
  payment: (id: number) => ['finance', 'payment', id] as const,
  receivables: (p: QueryParams) => ['finance', 'receivables', p] as const,
  arrears: (p: QueryParams) => ['finance', 'arrears', p] as const,
  statement: (id: number, p: QueryParams) => ['finance', 'statement', id, p] as const,
  writeOffs: (p: QueryParams) => ['finance', 'write-offs', p] as const,
  writeOffApprovals: (id: number) => ['finance', 'write-offs', id, 'approvals'] as const,
};

const list = <T>(key: readonly unknown[], path: string, query: QueryParams, enabled = true) =>
  ({
    queryKey: key,
    queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<T>(path, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  }) as const;

export const usePayments = (q: QueryParams) =>
  useQuery(list<Paged<Payment>>(financeKeys.payments(q), '/api/payments', q));
export const useInvoices = (q: QueryParams) =>
  useQuery(list<Paged<Invoice>>(financeKeys.invoices(q), '/api/invoices', q));
/** An issued invoice's open balance (maintained receivables): decimal strings, days past its due date. */
export interface InvoiceBalance {
  applied: string;
  outstanding: string;
  daysOverdue: number;
}

export const useInvoice = (id: number | null) =>
  useQuery({
    queryKey: financeKeys.invoice(id ?? 0),
    queryFn: () => apiFetch<Invoice & { lines: InvoiceLine[]; balance: InvoiceBalance | null }>(`/api/invoices/${id}`),
    enabled: !!id,
  });
export const usePayment = (id: number | null) =>
  useQuery({
    queryKey: financeKeys.payment(id ?? 0),
    queryFn: () => apiFetch<Payment>(`/api/payments/${id}`),
    enabled: !!id,
  });
export const useReceivables = (q: QueryParams) =>
  useQuery(
    list<Paged<ReceivableRow> & { asOf: string; totals: Buckets & { outstanding: string } }>(
      financeKeys.receivables(q),
      '/api/receivables',
      q,
    ),
  );
export const useArrears = (q: QueryParams, enabled = true) =>
  useQuery(
    list<Paged<ArrearsRow> & { asOf: string; totals: Buckets & { outstanding: string } }>(
      financeKeys.arrears(q),
      '/api/receivables/arrears',
      q,
      enabled,
    ),
  );
export const useStatement = (id: number | undefined, q: QueryParams) =>
  useQuery(list<Statement>(financeKeys.statement(id ?? 0, q), `/api/customers/${id}/statement`, q, !!id));
export const useWriteOffs = (q: QueryParams) =>
  useQuery(list<Paged<WriteOff>>(financeKeys.writeOffs(q), '/api/write-offs', q));
export const useWriteOffApprovals = (id: number | null) =>
  useQuery({
    queryKey: financeKeys.writeOffApprovals(id ?? 0),
    queryFn: () => apiFetch<ItemsResponse<ApprovalInstance>>(`/api/write-offs/${id}/approvals`),
    enabled: !!id,
  });

/** A finance mutation; every success refreshes all finance lists. */
export function useFinanceMutation<B, R = unknown>(
  path: (b: B) => string,
  opts: { headers?: (b: B) => Record<string, string> } = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => apiFetch<R>(path(b), { method: 'POST', body: stripPath(b), headers: opts.headers?.(b) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: financeKeys.all }),
  });
}

// `_id` in a mutation variable names the record in the URL and is not sent.
function stripPath<B>(b: B): unknown {
  if (b && typeof b === 'object' && '_id' in b) {
    const { _id: _ignored, ...rest } = b as Record<string, unknown>;
    return rest;
  }
  return b;
}
