import type { DeliveryAction, DeliveryStatus } from '@sales/core';

export type { DeliveryAction };

export interface DeliveryListItem {
  id: number;
  no: string;
  status: DeliveryStatus;
  orderId: number;
  orderNo: string;
  customerId: number;
  customerName: string;
  consignee: string;
  carrier: string | null;
  trackingNo: string | null;
  boxCount: number | null;
  plannedDate: string | null;
  shippedAt: string | null;
  signedDate: string | null;
  emergencyOpen: boolean;
  ownerName: string | null;
  version: number;
  updatedAt: string;
}

export interface DeliveryLine {
  id: number;
  lineNo: number;
  orderLineId: number;
  orderLineNo: number | null;
  productId: number;
  productCode: string | null;
  productName: string;
  spec: string | null;
  /** Variant attributes of the order line (品牌、颜色、尺码…). */
  attributes: Record<string, string>;
  unit: string;
  unitPrice: string | null;
  batchId: number | null;
  batchNo: string | null;
  serialNo: string | null;
  expiryDate: string | null;
  qty: string;
  receivedQty: string | null;
  inspectionStatus: string;
  inspectionNote: string | null;
  inspectedByName: string | null;
  inspectedAt: string | null;
  emergencyRelease: string;
  emergencyReason: string | null;
  releaseInstanceId: number | null;
}

export interface ChecklistItem {
  key: string;
  label: string;
  ok: boolean;
  note?: string;
}

export interface DeliveryDetail extends Omit<DeliveryListItem, 'ownerName'> {
  orderStatus: string;
  ownerId: number;
  ownerName: string | null;
  warehouseId: number;
  warehouseName: string | null;
  consigneePhone: string | null;
  address: string;
  shippedByName: string | null;
  signerName: string | null;
  discrepancy: string | null;
  /** A replacement note (补发): its original, why, and the document that asked for it. */
  replacementOf: number | null;
  replacementOfNo: string | null;
  replacementReason: 'complaint' | 'exchange' | null;
  sourceType: string | null;
  sourceId: number | null;
  /** The replacement notes made from this one. */
  replacements: { id: number; no: string; status: string; reason: string | null }[];
  checklist: ChecklistItem[];
  remark: string | null;
  createdByName: string | null;
  createdAt: string;
  actions: DeliveryAction[];
  files: { id: number; purpose: string; fileName: string; mimeType: string; size: number; createdAt: string }[];
  lines: DeliveryLine[];
}

export interface DeliveryFilters {
  keyword?: string;
  status?: DeliveryStatus;
  orderId?: number;
  customerId?: number;
  emergencyOpen?: 'true';
}

export interface DeliveryLineInput {
  orderLineId: number;
  qty: string;
  batchId?: number | null;
}

export interface DeliveryInput {
  orderId: number;
  lines: DeliveryLineInput[];
  warehouseId?: number | null;
  carrier?: string | null;
  trackingNo?: string | null;
  consignee?: string | null;
  consigneePhone?: string | null;
  address?: string | null;
  boxCount?: number | null;
  plannedDate?: string | null;
  remark?: string | null;
}

export interface TraceBatch {
  batch: {
    id: number;
    productId: number;
    batchNo: string;
    serialNo: string | null;
    expiryDate: string | null;
    productCode: string;
    productName: string;
  };
  customerCount: number;
  totalQty: string;
  deliveries: {
    deliveryId: number;
    deliveryNo: string;
    status: string;
    shippedAt: string | null;
    signedDate: string | null;
    customerId: number;
    customerName: string;
    orderId: number;
    orderNo: string;
    qty: string;
    inspectionStatus: string;
    emergencyRelease: string;
  }[];
}

export interface TraceDeliveryLines {
  delivery: { id: number; no: string; status: string; customerId: number; shippedAt: string | null };
  lines: {
    lineNo: number;
    productId: number;
    productCode: string;
    productName: string;
    batchId: number | null;
    batchNo: string | null;
    serialNo: string | null;
    expiryDate: string | null;
    qty: string;
  }[];
}

export interface BatchHit {
  id: number;
  productId: number;
  batchNo: string;
  serialNo: string | null;
  expiryDate: string | null;
  productCode: string;
  productName: string;
}

/** Traceability backward from a customer: every batch they received on shipped notes. */
export interface TraceCustomer {
  customer: { id: number; no: string; name: string };
  batchCount: number;
  batches: {
    batchId: number;
    batchNo: string | null;
    serialNo: string | null;
    expiryDate: string | null;
    productId: number;
    productCode: string;
    productName: string;
    totalQty: string;
    deliveries: {
      deliveryId: number;
      deliveryNo: string;
      status: string;
      shippedAt: string | null;
      signedDate: string | null;
      orderId: number;
      orderNo: string;
      qty: string;
    }[];
  }[];
}

export interface TraceCustomerHit {
  id: number;
  no: string;
  name: string;
}
