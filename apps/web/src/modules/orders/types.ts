import type { ListView } from '../../components/useListViews';
import type { OrderAction, OrderChannel, OrderStatus, TaskStatus } from './constants';

export interface OrderListItem {
  id: number;
  no: string;
  customerId: number;
  customerName: string;
  ownerId: number;
  ownerName: string | null;
  status: OrderStatus;
  channel: OrderChannel;
  requestedDate: string;
  promisedDate: string | null;
  totalNet: string;
  totalTax: string;
  totalGross: string;
  invoicedAmount: string;
  receivedAmount: string;
  creditOverride: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type OrderFilters = {
  /** 我负责的 / 下属的 / 全部 (absent: 全部). */
  view?: ListView;
  keyword?: string;
  status?: OrderStatus;
  customerId?: number;
  ownerId?: number;
  from?: string;
  to?: string;
  sort?: string;
  order?: 'asc' | 'desc';
};

export interface OrderLine {
  id: number;
  lineNo: number;
  productId: number | null;
  productCode: string | null;
  description: string;
  spec: string | null;
  unit: string | null;
  qty: string;
  deliveredQty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
  netAmount: string;
  taxAmount: string;
  grossAmount: string;
  listPrice: string | null;
  floorPrice: string | null;
  /** Variant attributes (品牌、颜色、尺码…): the product's, with what was entered on the line over them. */
  attributes: Record<string, string>;
  /** The product must carry Chinese labelling; its check (中文标识核对) is ticked before the review passes. */
  requiresChineseLabel: boolean;
  labelCheckedAt: string | null;
  labelCheckedByName: string | null;
}

export interface ReviewEvidence {
  credit: {
    limit: string | null;
    outstanding: string;
    thisOrder: string;
    exposure: string;
    excess?: string;
    override?: string;
    ok: boolean;
  };
  stock: {
    lineNo: number;
    productId: number | null;
    requested: string;
    available: string;
    capacity: string | null;
    ok: boolean;
  }[];
  completeness: { check: string; ok: boolean }[];
}

export interface OrderReview {
  id: number;
  outcome: 'passed' | 'blocked' | string;
  blockers: string[];
  evidence: ReviewEvidence;
  comment?: string | null;
  createdAt: string;
  reviewedByName: string | null;
}

export interface OrderReservation {
  id?: number;
  orderLineId: number;
  warehouseId: number;
  warehouseName?: string | null;
  productId: number;
  qty: string;
  consumedQty?: string;
  status: string;
}

export interface OrderDetail extends OrderListItem {
  contactId: number | null;
  contactName?: string | null;
  quoteId?: number | null;
  contractId?: number | null;
  warehouseId: number | null;
  /** The warehouse by name (its readers need not see the warehouse list). */
  warehouseName?: string | null;
  specialRequirements: string | null;
  specialConfirmedAt: string | null;
  confirmedAt: string | null;
  confirmationNote: string | null;
  consignee: string | null;
  consigneePhone: string | null;
  shippingAddress: string | null;
  /** The consignee phone and address are masked for this user (not the customer's owner or above). */
  contactMasked?: boolean;
  remark: string | null;
  cancelReason: string | null;
  customerNo?: string | null;
  customerClass?: string | null;
  writtenOffAmount?: string;
  submittedAt?: string | null;
  approvedAt?: string | null;
  lines: OrderLine[];
  amountInWords: string;
  actions: (OrderAction | string)[];
  latestReview: OrderReview | null;
  creditApprovalInstanceId: number | null;
  reservations?: OrderReservation[];
  /** The user may tick the Chinese-labelling check of the lines now (reviewer or planner, before approval). */
  canCheckLabels: boolean;
}

export interface OrderLineInput {
  productId: number;
  description?: string;
  qty: string;
  unitPrice: string;
  discountPercent: string;
  taxRate?: string;
  attributes?: Record<string, string>;
}

export interface OrderInput {
  customerId: number;
  contactId?: number | null;
  channel: OrderChannel;
  requestedDate: string;
  promisedDate?: string | null;
  warehouseId?: number | null;
  specialRequirements?: string | null;
  consignee?: string | null;
  consigneePhone?: string | null;
  shippingAddress?: string | null;
  remark?: string | null;
  lines: OrderLineInput[];
}

export interface ReviewResult {
  outcome: string;
  blockers: string[];
  evidence: ReviewEvidence;
  status: OrderStatus;
  creditApprovalInstanceId: number | null;
}

export interface OrderTimelineItem {
  id: number;
  at: string;
  entityType: string;
  entityId?: number;
  action: string;
  actorName: string | null;
  changes: { field: string; old: unknown; new: unknown }[] | null;
  comment: string | null;
}

export interface PlannerOrderRef {
  orderId: number;
  no: string;
  customerName: string;
  qty: string;
  promisedDate: string | null;
}

export interface PlannerRow {
  productId: number;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string | null;
  orderedQty: string;
  deliveredQty: string;
  openQty: string;
  reservedQty: string;
  onHand: string;
  available: string;
  shortage: string;
  plannedQty: string;
  doneQty: string;
  earliestDue: string | null;
  orders: PlannerOrderRef[];
}

export interface ProductionTask {
  id: number;
  no: string;
  orderId: number;
  orderNo?: string | null;
  customerName?: string | null;
  orderLineId: number | null;
  productId: number;
  productCode?: string | null;
  productName?: string | null;
  kind: 'stock' | 'production';
  qty: string;
  doneQty: string;
  dueDate: string;
  status: TaskStatus;
  progressNote: string | null;
  plannerName?: string | null;
  version: number;
}

export interface ProductionTaskLineInput {
  orderLineId: number;
  kind: 'stock' | 'production';
  qty: string;
  dueDate: string;
}
