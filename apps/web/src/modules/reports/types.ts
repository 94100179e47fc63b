import type { ReportMeasure } from '@sales/core';

export type Values = Record<ReportMeasure, string>;
export interface Dept {
  id: number;
  parentId: number | null;
  name: string;
}
interface Header {
  departmentId: number | null;
  department: { id: number; name: string };
  departments: Dept[];
}
export interface FigureRow {
  id: number;
  name: string;
  deptName: string | null;
  values: Values;
  previous?: Values;
}
export interface DailyReport extends Header {
  date: string;
  reps: FigureRow[];
  teams: FigureRow[];
  total: Values;
}
export interface Deal {
  kind: 'order' | 'order_cancel' | 'return';
  date: string;
  documentNo: string | null;
  sourceType: string;
  sourceId: number;
  customerId: number | null;
  customerName: string | null;
  contactName?: string | null;
  products?: string;
  amount?: string;
  value?: string;
  repName: string | null;
  deptName: string | null;
}
export interface WeeklyReport extends Header {
  from: string;
  to: string;
  previousWeek: { from: string; to: string };
  reps: FigureRow[];
  teams: FigureRow[];
  total: Values;
  previousTotal: Values;
  deals: Deal[];
}
export interface Review {
  themeReview: string;
  suggestions: string;
  version: number | null;
  author: string | null;
  updatedAt: string | null;
}
export interface HalfYearReport extends Header {
  period: string;
  from: string;
  to: string;
  totals: {
    amount: string;
    volume: string;
    newCustomers: string;
    leads: string;
    deals: string;
    conversion: string | null;
  };
  trend: { month: string; amount: string; volume: string; newCustomers: string }[];
  best: { id: number; name: string; amount: string }[];
  worst: { id: number; name: string; amount: string }[];
  channels: { channel: string | null; leads: string; deals: string; conversion: string | null }[];
  regions: { region: string | null; amount: string; volume: string }[];
  review: Review;
}
export interface DealRegister extends Header {
  from: string;
  to: string;
  items: Deal[];
  total: number;
  truncated: boolean;
  amount: string;
  salesAmount: string;
  orders: string;
}
