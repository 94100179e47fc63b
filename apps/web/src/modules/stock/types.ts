export interface Warehouse {
  id: number;
  code: string;
  name: string;
  address: string | null;
  active: boolean;
  version: number;
}

export interface WarehouseInput {
  code: string;
  name: string;
  address?: string | null;
  active?: boolean;
  version?: number;
}

export interface StockRow {
  warehouseId: number;
  warehouseName: string;
  productId: number;
  productCode: string;
  productName: string;
  spec: string | null;
  unit: string | null;
  onHand: string;
  reserved: string;
  available: string;
}

export type StockFilters = {
  keyword?: string;
  warehouseId?: number;
  productId?: number;
};

export interface Availability {
  productId: number;
  onHand: string;
  reserved: string;
  available: string;
}

export interface StockBatch {
  id: number;
  productId: number;
  batchNo: string;
  serialNo: string | null;
  expiryDate: string | null;
  onHand: { warehouseId: number; onHand: string }[];
}

export interface StockMovement {
  id: number;
  kind: 'inbound' | 'outbound' | 'return' | 'adjust' | 'opening' | string;
  warehouseName: string;
  productCode: string;
  productName: string;
  batchNo: string | null;
  qty: string;
  refType: string | null;
  refId: number | null;
  /** The document's number when the viewer may open it; null otherwise. */
  refNo: string | null;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface InboundInput {
  warehouseId: number;
  productId: number;
  qty: string;
  batchNo?: string;
  serialNos?: string[];
  mfgDate?: string;
  expiryDate?: string;
  note?: string;
}

export interface AdjustInput {
  warehouseId: number;
  productId: number;
  batchId?: number;
  qty: string;
  reason: string;
}

/** Product as GET /api/products lists it (the fields line entry and stock dialogs use). */
export interface ProductOption {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  unit: string;
  barcode?: string | null;
  taxRate: string;
  standardPrice: string;
  floorPrice: string;
  tracking?: 'none' | 'batch' | 'serial';
  shelfLifeDays?: number | null;
  active?: boolean;
}
