import type {
  SlaMetric,
  SlaStateName,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
  WaitReason,
} from '@sales/core';

export interface SlaBrief {
  state: SlaStateName;
  dueAt: string | null;
  warnAt: string | null;
}

export interface TicketListItem {
  id: number;
  no: string;
  type: TicketType;
  priority: TicketPriority;
  status: TicketStatus;
  subject: string;
  customerId: number;
  customerName: string;
  engineerId: number | null;
  engineerName: string | null;
  inWarranty: boolean;
  dueAt: string | null;
  version: number;
  updatedAt: string;
  sla: { response: SlaBrief | null; resolution: SlaBrief | null };
}

export interface TicketFilters {
  status?: TicketStatus;
  priority?: TicketPriority;
  engineerId?: number;
  customerId?: number;
  slaState?: SlaStateName;
}

export interface SlaClockView {
  metric: SlaMetric;
  state: SlaStateName;
  targetMinutes: number;
  startedAt: string;
  pausedMinutes: number;
  pausedSince: string | null;
  dueAt: string | null;
  warnAt: string | null;
  metAt: string | null;
  breachedAt: string | null;
  usedMinutes: number | null;
}

export interface TicketReply {
  id: number;
  kind: 'staff_reply' | 'visit' | 'customer_message';
  body: string;
  authorName: string;
  createdAt: string;
}

export interface TicketVisit {
  id: number;
  engineerName: string;
  arrivedAt: string;
  leftAt: string | null;
  workDone: string;
  photos: { id: number; fileName: string }[];
}

export interface TicketPart {
  id: number;
  productCode: string;
  productName: string;
  unit: string;
  batchNo: string | null;
  serialNo: string | null;
  warehouseName: string;
  qty: string;
  createdAt: string;
}

export interface TicketCharge {
  id: number;
  description: string;
  amount: string;
  createdAt: string;
}

export type TicketActionName =
  | 'assign'
  | 'reply'
  | 'wait'
  | 'resume'
  | 'priority'
  | 'resolve'
  | 'visit'
  | 'part'
  | 'charge'
  | 'check'
  | 'sign'
  | 'confirm'
  | 'reopen';

export interface TicketDetail {
  id: number;
  no: string;
  type: TicketType;
  source: TicketSource;
  priority: TicketPriority;
  status: TicketStatus;
  customerId: number;
  customerName: string;
  contactName: string | null;
  contactPhone: string | null;
  productId: number | null;
  batchNo: string | null;
  serialNo: string | null;
  signedOn: string | null;
  warrantyUntil: string | null;
  inWarranty: boolean;
  chargeable: boolean;
  subject: string;
  description: string | null;
  resolution: string | null;
  waitReason: WaitReason | null;
  engineerId: number | null;
  engineerName: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  trainingDoneAt: string | null;
  trainingDoneByName: string | null;
  manualHandedAt: string | null;
  manualHandedByName: string | null;
  reportSignedAt: string | null;
  reportSignerName: string | null;
  reportSignedByName: string | null;
  reportAttachmentId: number | null;
  closeBlockers: ('report' | 'training' | 'manual')[];
  actions: TicketActionName[];
  version: number;
  createdAt: string;
  updatedAt: string;
  sla: Partial<Record<SlaMetric, SlaClockView>>;
  replies: TicketReply[];
  visits: TicketVisit[];
  parts: TicketPart[];
  charges: TicketCharge[];
  chargeTotal: string;
}

export interface DeliveredLine {
  id: number;
  deliveryNo: string;
  productCode: string;
  productName: string;
  batchNo: string | null;
  serialNo: string | null;
  signedOn: string | null;
  warrantyUntil: string | null;
  inWarranty: boolean;
}

export interface SlaPolicy {
  id: number;
  ticketType: TicketType;
  priority: TicketPriority;
  customerClass: string | null;
  responseMinutes: number;
  resolutionMinutes: number;
  warnPercent: number;
  version: number;
  updatedAt: string;
}

export interface EngineerOption {
  id: number;
  name: string;
  deptName: string | null;
  // Open (not resolved or closed) tickets assigned to them.
  openTickets: number;
}
