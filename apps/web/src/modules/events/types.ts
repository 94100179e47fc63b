import type { EventFunnelFigures } from '@sales/core';
/** A row of the event list: the event and its funnel figures. */
export interface EventFigures extends EventFunnelFigures {
  id: number;
  theme: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  capacity: number;
}

export interface BudgetLine {
  category: string;
  budget: string;
  actual: string;
  note: string | null;
}

export interface EventDetail {
  id: number;
  theme: string;
  agenda: string | null;
  speakers: string | null;
  venue: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  materials: string | null;
  giftProductId: number | null;
  giftWarehouseId: number | null;
  giftName: string | null;
  giftWarehouseName: string | null;
  responsibleIds: number[];
  responsible: { id: number; name: string }[];
  script: string | null;
  status: string;
  ownerId: number;
  ownerName: string;
  version: number;
  budget: BudgetLine[];
}

export interface Invitation {
  id: number;
  customerId: number;
  customerName: string;
  repId: number;
  repName: string;
  method: string;
  result: string;
  declineReason: string | null;
  reasonNote: string | null;
  confirmedAt: string | null;
  checkedInAt: string | null;
  seat: string | null;
  giftGivenAt: string | null;
  walkIn: boolean;
  token: string;
  version: number;
  script: string | null;
  missing: string[];
}

export interface EventReport {
  figures: EventFigures;
  reps: {
    repId: number;
    repName: string;
    invited: number;
    accepted: number;
    confirmed: number;
    attended: number;
    deals: number;
    revenue: string;
  }[];
  declineReasons: { reason: string; count: number }[];
  deals: { id: number; no: string; status: string; amount: string; customer: string; ownerName: string }[];
}

export interface Guest {
  id: number;
  customerName: string;
  mobile: string | null;
  repName: string;
  result: string;
  walkIn: boolean;
  checkedInAt: string | null;
  seat: string | null;
  giftGivenAt: string | null;
  version: number;
}

export interface GuestSearch {
  event: { id: number; theme: string; status: string; hasGift: boolean };
  items: Guest[];
}

export interface GuestByToken extends Guest {
  eventId: number;
  theme: string;
  hasGift: boolean;
}
