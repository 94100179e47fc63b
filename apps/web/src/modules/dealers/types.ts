/** Dealers as the server sends them (SPEC 5.5; server: modules/dealers). */
import type { HistoryEntry } from '../../components/HistoryList';

export type DealerStatus = 'active' | 'suspended';
export type DealerRating = 'A' | 'B' | 'C' | 'D';

export interface DealerContact {
  name: string;
  phone: string;
  role: string | null;
}

export interface Dealer {
  id: number;
  no: string;
  name: string;
  customerId: number;
  customerNo: string;
  customerName: string;
  territories: string[];
  contacts: DealerContact[];
  status: DealerStatus;
  ownerId: number;
  ownerName: string;
  deptName: string;
  remark: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DealerFigures {
  orderCount: number;
  orderAmount: string;
  returnAmount: string;
  netAmount: string;
  collectionAmount: string;
}

export interface DealerReview {
  id: number;
  month: string;
  orderCount: number;
  orderAmount: string;
  returnAmount: string;
  collectionAmount: string;
  rating: DealerRating;
  comment: string;
  rewardAmount: string;
  rewardReason: string | null;
  reviewedByName: string;
  reviewedAt: string;
  version: number;
}

export interface DealerVisit {
  id: number;
  visitedOn: string;
  visitorId: number;
  visitorName: string;
  purpose: string;
  findings: string;
  nextStep: string | null;
}

export interface DealerDetail extends Dealer {
  reviews: DealerReview[];
  visits: DealerVisit[];
  canManage: boolean;
  canReview: boolean;
  history: HistoryEntry[];
}

export interface ReviewRow {
  dealerId: number;
  no: string;
  name: string;
  status: DealerStatus;
  customerName: string;
  ownerName: string;
  deptName: string;
  territories: string[];
  figures: DealerFigures;
  review: DealerReview | null;
}

export interface ReviewSheet {
  items: ReviewRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  month: string;
}

export interface PersonOption {
  id: number;
  name: string;
  deptName: string;
}
