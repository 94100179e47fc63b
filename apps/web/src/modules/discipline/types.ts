/** Discipline records as the server sends them (SPEC 5.6; server: modules/discipline). */
import type { HistoryEntry } from '../../components/HistoryList';

export interface DisciplineRecord {
  id: number;
  no: string;
  kind: 'incident' | 'reward';
  personId: number;
  personName: string;
  deptName: string;
  occurredOn: string;
  rule: string;
  description: string;
  lossAmount: string;
  level: 'level1' | 'level2' | 'level3' | 'major' | null;
  repeatCount: number | null;
  levelBasis: LevelBasis | null;
  status: 'draft' | 'decided' | 'acknowledged' | 'void';
  outcome: 'warning' | 'compensation' | 'penalty' | 'reward' | null;
  decision: string | null;
  compensationAmount: string;
  contributionAmount: string;
  fineAmount: string;
  rewardAmount: string;
  recordedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgeComment: string | null;
  voidReason: string | null;
  version: number;
  createdAt: string;
}

export interface LevelBasis {
  byLoss: string;
  byRepeats: string;
  level2Loss: string;
  level3Loss: string;
  majorLoss: string;
  level2Repeats: number;
  level3Repeats: number;
}

export interface DisciplineDetail extends DisciplineRecord {
  contributionPolicy: string;
  canRecord: boolean;
  canAcknowledge: boolean;
  history: HistoryEntry[];
}

export interface LevelPreview {
  level: string;
  repeatCount: number;
  basis: LevelBasis;
}

export interface PersonOption {
  id: number;
  name: string;
  deptName: string;
}
