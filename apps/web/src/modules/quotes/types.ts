import type { QuoteAction, QuoteStatus } from '@sales/core';
import type { ListView } from '../../components/useListViews';

export type { QuoteAction, QuoteStatus };

export interface QuoteListItem {
  id: number;
  no: string;
  revision: number;
  title: string;
  customerId: number;
  customerName: string;
  status: QuoteStatus;
  validUntil: string;
  totalNet: string;
  totalTax: string;
  totalGross: string;
  approvalReasons: string[];
  isLatest: boolean;
  ownerId: number;
  ownerName: string | null;
  deptName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface QuoteLine {
  id: number;
  lineNo: number;
  productId: number | null;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string;
  qty: string;
  listPrice: string | null;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: string;
  taxAmount: string;
  grossAmount: string;
  floorPrice: string | null;
}

export interface QuoteDetail extends Omit<QuoteListItem, 'customerName'> {
  customerName: string | null;
  customerNo: string | null;
  contactId: number | null;
  contactName: string | null;
  contactMobile: string | null;
  opportunityId: number | null;
  deliveryTerms: string | null;
  paymentTerms: string | null;
  remark: string | null;
  discountTotal: string;
  customerResponseAt: string | null;
  customerResponseNote: string | null;
  convertedOrderId: number | null;
  convertedContractId: number | null;
  amountInWords: string;
  actions: QuoteAction[];
  approvalInstanceId: number | null;
  approvalStatus: string | null;
  lines: QuoteLine[];
}

export type QuoteFilters = {
  /** 我负责的 / 下属的 / 全部 (absent: 全部). */
  view?: ListView;
  keyword?: string;
  status?: QuoteStatus;
  customerId?: number;
  ownerId?: number;
  allVersions?: 'true';
  sort?: string;
  order?: 'asc' | 'desc';
};

export interface QuoteLineInput {
  productId: number;
  description?: string;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate?: string;
}

export interface QuoteBody {
  customerId?: number;
  contactId?: number | null;
  /** The opportunity the quote is made for (the customer's, in the user's scope). */
  opportunityId?: number | null;
  title: string;
  validUntil?: string;
  deliveryTerms?: string | null;
  paymentTerms?: string | null;
  remark?: string | null;
  lines: QuoteLineInput[];
  version?: number;
}

export interface QuoteVersion {
  id: number;
  no: string;
  revision: number;
  status: QuoteStatus;
  isLatest: boolean;
  totalGross: string;
  validUntil: string;
  createdByName: string | null;
  createdAt: string;
}

export interface QuoteTimelineItem {
  id: number;
  at: string;
  kind: 'audit';
  entityType: string;
  action: string;
  actorName: string | null;
  changes: { field: string; old: unknown; new: unknown }[];
  comment: string | null;
}

export interface ContactOption {
  id: number;
  name: string;
  mobile: string | null;
}
