import type { ReturnKind, ReturnReason, ReturnStatus } from '@sales/core';

export interface StorageFee {
  days: number;
  total: string;
  clerksShare: string;
}

export interface ReturnListItem {
  id: number;
  no: string;
  customerId: number;
  customerName: string;
  orderNo: string;
  reason: ReturnReason;
  status: ReturnStatus;
  totalQty: string;
  totalAmount: string;
  arrivedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  fee: StorageFee;
  version: number;
  updatedAt: string;
}

export interface ReturnDetail extends ReturnListItem {
  kind: ReturnKind;
  orderId: number;
  deliveryId: number;
  deliveryNo: string;
  description: string;
  applicantName: string;
  responsibleName: string | null;
  warehouseName: string | null;
  createdAt: string;
  completedAt: string | null;
  storageFeeDays: number | null;
  costBearer: 'company' | 'responsible' | null;
  chargeAmount: string | null;
  expiredLossAmount: string | null;
  redInvoiceId: number | null;
  replacementDeliveryId: number | null;
  replacementDeliveryNo: string | null;
  replacementDeliveryStatus: string | null;
  approvalInstanceId: number | null;
  lines: {
    id: number;
    productName: string;
    productCode: string;
    unit: string;
    batchNo: string | null;
    qty: string;
    amount: string;
  }[];
  charges: {
    id: number;
    kind: 'internal_error' | 'storage_fee';
    userName: string;
    qty: string | null;
    amount: string;
    clerksShare: string | null;
    chargedAt: string;
  }[];
  invoices: {
    id: number;
    no: string;
    externalNo: string;
    totalGross: string;
    status: string;
    creditsInvoiceId: number | null;
  }[];
  redInvoice: { id: number; no: string; externalNo: string; totalGross: string } | null;
}

export interface ReturnableLine {
  deliveryLineId: number;
  productName: string;
  productCode: string;
  unit: string;
  batchNo: string | null;
  delivered: string;
  returned: string;
  returnable: string;
  unitGross: string;
}

export interface ReturnableLines {
  deliveryId: number;
  deliveryNo: string;
  status: string;
  customerId: number;
  lines: ReturnableLine[];
}
