import type { ContractAction, ContractStatus, PlanKind } from '@sales/core';
import type { ListView } from '../../components/useListViews';

export interface ContractListItem {
  id: number;
  no: string;
  title: string;
  customerId: number;
  customerName: string;
  status: ContractStatus;
  revision: number;
  // SPEC 1.2: null when the user may not see contract prices (pricesMasked).
  amount: string | null;
  invoicedAmount: string | null;
  receivedAmount: string | null;
  remainingAmount: string | null;
  /** Every amount of the contract (ledger, lines, plan, body) is withheld from this user. */
  pricesMasked: boolean;
  startDate: string | null;
  endDate: string | null;
  signedDate: string | null;
  overdue: boolean;
  /** An order of the contract is past its delivery date and not fully delivered (交付延迟). */
  deliveryLate: boolean;
  ownerId: number;
  ownerName: string | null;
  deptName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContractFilters {
  /** 我负责的 / 下属的 / 全部 (absent: 全部). */
  view?: ListView;
  keyword?: string;
  status?: ContractStatus;
  customerId?: number;
  ownerId?: number;
  expiringWithinDays?: number;
  overdue?: 'true';
  deliveryLate?: 'true';
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface ContractLine {
  id: number;
  lineNo: number;
  productId: number | null;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string;
  qty: string;
  // Null when the contract's prices are masked.
  listPrice: string | null;
  unitPrice: string | null;
  discountPercent: string | null;
  taxRate: string;
  netAmount: string | null;
  taxAmount: string | null;
  grossAmount: string | null;
}

export interface PlanItem {
  id: number;
  seq: number;
  kind: PlanKind;
  dueDate: string;
  // Null when the contract's prices are masked.
  amount: string | null;
  receivedAmount: string | null;
  note: string | null;
  overdue: boolean;
}

export interface ContractAttachment {
  id: number;
  purpose: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
}

export type RiskFlag =
  | { code: 'instalment_overdue'; params: { count: number; amount: string | null } }
  | { code: 'over_credit_limit'; params: { creditLimit: string; amount: string | null } }
  | { code: 'delivery_late'; params: { orders: string; dueDate: string } };

/** What the contract was drafted from and whether the customer accepted it (signing needs that). */
export interface ContractSource {
  kind: 'quote' | 'proposal' | 'direct';
  accepted: boolean;
  quoteId: number | null;
  quoteNo: string | null;
  proposalId: number | null;
  proposalTitle: string | null;
  proposalResponse: string | null;
  opportunityId: number | null;
}

export interface ContractDetail extends Omit<ContractListItem, 'overdue' | 'deliveryLate'> {
  customerNo: string | null;
  templateId: number | null;
  partyA: string;
  partyB: string;
  body: string;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  qualityStandard: string | null;
  afterSalesTerms: string | null;
  ourSignatory: string | null;
  customerSignatory: string | null;
  lines: ContractLine[];
  paymentPlan: PlanItem[];
  attachments: ContractAttachment[];
  openDisputes: number;
  reviewInstanceId: number | null;
  proposalId: number | null;
  source: ContractSource;
  sourceRequired: boolean;
  lateOrders: { id: number; no: string; dueDate: string }[];
  risks: RiskFlag[];
  actions: ContractAction[];
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** Its prices are withheld from this user (null money, items without prices). */
  masked?: boolean;
}

export interface Amendment {
  id: number;
  revision: number;
  reason: string;
  status: string;
  changes: FieldChange[];
  requestedByName: string;
  instanceId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface Dispute {
  id: number;
  contractId: number;
  contractNo: string;
  contractTitle: string;
  customerName: string;
  title: string;
  description: string;
  handlerId: number;
  handlerName: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  version: number;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ContractTemplate {
  id: number;
  name: string;
  body: string;
  qualityStandard: string | null;
  afterSalesTerms: string | null;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface LineInput {
  productId: number;
  description?: string;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate?: string;
}

export interface PlanInput {
  kind: PlanKind;
  dueDate: string;
  amount: string;
  note?: string | null;
}

export interface ContractTermsBody {
  deliveryTerms: string | null;
  paymentTerms: string | null;
  qualityStandard: string | null;
  afterSalesTerms: string | null;
  startDate: string | null;
  endDate: string | null;
  lines: LineInput[];
  paymentPlan: PlanInput[];
}
