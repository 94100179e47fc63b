import type { AnalyticsPeriod, Measure } from '@sales/core';

export interface KeyValue {
  key: string | number | null;
  value: string;
}

export interface Dashboard {
  period: AnalyticsPeriod;
  from: string;
  to: string;
  lastYear: { from: string; to: string };
  departmentId: number | null;
  departmentBase: number | null;
  departments: { id: number; parentId: number | null; name: string }[];
  costVisible: boolean;
  kpis: { measure: Measure; value: string; lastYear: string }[];
  monthly: {
    year: string;
    salesAmount: KeyValue[];
    salesAmountLastYear: KeyValue[];
    salesVolume: KeyValue[];
    grossMargin: KeyValue[];
    newCustomers: KeyValue[];
    newCustomersLastYear: KeyValue[];
  };
  funnel: { stageId: number; name: string; pipeline: string; kind: string; value: string }[];
  channels: { leads: KeyValue[]; deals: KeyValue[] };
  byRegion: KeyValue[];
  byProduct: KeyValue[];
  byCategory: KeyValue[];
  byRep: KeyValue[];
  byDepartment: KeyValue[];
  labels: Record<string, Record<string, string>>;
}

export interface AnalyticsRecord {
  kind: string;
  sourceType: string;
  sourceId: number;
  date: string;
  repName: string | null;
  customerId: number | null;
  customerName: string | null;
  documentNo: string | null;
  value: string;
}

export interface AnalyticsRecords {
  from: string;
  to: string;
  measure: Measure;
  items: AnalyticsRecord[];
  total: number;
  sum: string;
  page: number;
  pageSize: number;
}

/** A drill-down target: the figure's measure and filter (the records page takes the same). */
export type DrillFilter = { measure: Measure; from: string; to: string } & Partial<
  Record<'departmentId' | 'repId' | 'productId' | 'categoryId' | 'stageId', number> &
    Record<'region' | 'channel', string>
>;
