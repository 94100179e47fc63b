/** Quality records as the server sends them (SPEC 5.7; server: modules/quality). */
import type { HistoryEntry } from '../../components/HistoryList';

export interface AuditRow {
  id: number;
  no: string;
  title: string;
  scope: string;
  auditDate: string;
  auditedDeptId: number;
  leadAuditorId: number;
  auditors: string | null;
  conclusion: string | null;
  status: 'planned' | 'reported' | 'closed';
  deptName: string;
  leadAuditorName: string;
  findings: number;
  openCapas: number;
  version: number;
}

export interface CapaSummary {
  id: number;
  no: string;
  kind: 'corrective' | 'preventive';
  action: string;
  ownerName: string;
  dueDate: string;
  status: 'open' | 'implemented' | 'closed';
  overdue: boolean;
}

export interface Finding {
  id: number;
  seq: number;
  clause: string | null;
  description: string;
  severity: 'major' | 'minor' | 'observation';
  capas: CapaSummary[];
}

export interface AuditDetail extends Omit<AuditRow, 'findings'> {
  canManage: boolean;
  findings: Finding[];
  history: HistoryEntry[];
}

export interface Capa extends CapaSummary {
  auditId: number;
  rootCause: string | null;
  ownerId: number;
  deptName: string;
  implementationNote: string | null;
  implementedAt: string | null;
  verifierName: string | null;
  verificationNote: string | null;
  closedAt: string | null;
  auditNo: string;
  auditTitle: string;
  findingSeq: number;
  findingText: string;
  findingSeverity: string;
  findingClause: string | null;
  version: number;
}

export interface CapaDetail extends Capa {
  canImplement: boolean;
  canVerify: boolean;
  canChangeDue: boolean;
  history: HistoryEntry[];
}

export interface DocumentRow {
  id: number;
  code: string;
  title: string;
  kind: string;
  deptName: string;
  currentLabel: string;
  changeNo: number;
  effectiveDate: string;
  copies: number;
  outdatedCopies: number;
}

export interface DocumentVersion {
  id: number;
  label: string;
  changeNo: number;
  effectiveDate: string;
  changeSummary: string | null;
  status: 'current' | 'superseded';
  issuedByName: string;
  createdAt: string;
  supersededAt: string | null;
}

export interface DocumentCopy {
  id: number;
  copyNo: string;
  holderName: string;
  versionLabel: string;
  versionStatus: 'current' | 'superseded';
  issuedAt: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  replaced: boolean;
}

export interface DocumentDetail {
  id: number;
  code: string;
  title: string;
  kind: string;
  ownerDeptId: number;
  deptName: string | null;
  currentLabel: string | null;
  version: number;
  canManage: boolean;
  versions: DocumentVersion[];
  copies: DocumentCopy[];
  history: HistoryEntry[];
}
