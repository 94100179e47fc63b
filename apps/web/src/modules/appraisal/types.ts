/** Appraisal runs and results as the server sends them (SPEC 5.2; server: modules/appraisal). */
import type { ItemEvidence } from '@sales/core';
import type { HistoryEntry } from '../../components/HistoryList';

export interface AppraisalRun {
  id: number;
  period: string;
  periodStart: string;
  periodEnd: string;
  status: 'open' | 'closed';
  schemeName: string;
  deptName: string;
  runByName: string;
  championId: number | null;
  championName: string | null;
  closedAt: string | null;
  resultCount?: number;
  version: number;
  createdAt: string;
}

export interface RankedResult {
  id: number;
  personId: number;
  personName: string;
  deptName: string;
  score: string;
  rank: number | null;
  passed: boolean;
  failStreak: number;
  flagged: boolean;
  status: string;
  revision: number;
  bonus: Bonus;
}

/** A result's bonus (core bonusOf): the tier's coefficient × the base, capped. */
export interface Bonus {
  coefficient: string;
  amount: string;
  capped: boolean;
}

export interface BonusRules {
  tiers: { minScore: string; coefficient: string }[];
  base: string;
  cap: string;
  passMark: string;
}

/** An award of the run (core pickAwards) and the figures it was chosen by. */
export interface AwardWinner {
  award: 'sales_champion' | 'best_customer_development' | 'best_service';
  personId: number;
  personName: string;
  basis: { score?: string; newCustomers?: number; complaintPoints?: string; satisfaction?: string | null };
}

export interface AppraisalRunDetail extends AppraisalRun {
  results: RankedResult[];
  awards: AwardWinner[];
  bonusRules: BonusRules;
  firsts: { id: number; name: string }[];
  objections: number;
  canManage: boolean;
  canClose: boolean;
  history: HistoryEntry[];
}

export interface ResultItem {
  id: number;
  indicator: string;
  kind: 'auto' | 'manual' | 'adjustment';
  label: string | null;
  points: string;
  evidence: ItemEvidence;
  note: string | null;
  revision: number;
  createdByName: string;
  createdAt: string;
}

export interface AppraisalResultDetail {
  id: number;
  runId: number;
  personId: number;
  personName: string;
  deptName: string;
  period: string;
  runStatus: 'open' | 'closed';
  runSize: number;
  champion: boolean;
  baseScore: string;
  score: string;
  rank: number | null;
  passed: boolean;
  failStreak: number;
  flagged: boolean;
  status: string;
  acknowledgedAt: string | null;
  acknowledgeComment: string | null;
  objectionReason: string | null;
  /** The points the person asked the score to be adjusted by (signed, 2 decimals). */
  objectionPoints: string | null;
  objectedAt: string | null;
  objectionDecision: 'accept' | 'reject' | null;
  objectionNote: string | null;
  decidedAt: string | null;
  revision: number;
  version: number;
  items: ResultItem[];
  rules: { passMark: string; failStreak: number };
  bonus: Bonus;
  bonusRules: BonusRules;
  canAcknowledge: boolean;
  canObject: boolean;
  canScore: boolean;
  history: HistoryEntry[];
}

/** An appraisal scheme (考核方案) as the server sends it (server: appraisal.schemes.ts). */
export interface AppraisalScheme {
  id: number;
  code: string;
  name: string;
  periodKind: 'month' | 'quarter' | 'year';
  indicators: SchemeIndicator[];
  active: boolean;
  isDefault: boolean;
  version: number;
  updatedAt: string;
}

export interface SchemeIndicator {
  code: string;
  weight: number;
  rule?: 'deduction' | 'linear' | 'threshold';
  target?: string | null;
  capRatio?: string;
  basis?: 'actual' | 'percent';
  bands?: { from: string; points: string }[];
}

/** A scheme the run dialog offers. */
export interface RunScheme {
  id: number;
  name: string;
  periodKind: 'month' | 'quarter' | 'year';
}
