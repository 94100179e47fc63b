/** Shapes of the training API (apps/server/src/modules/training). */
export interface TrainingPlanRow {
  id: number;
  title: string;
  kind: string;
  method: string;
  trainer: string;
  startsOn: string;
  endsOn: string;
  ownerName: string;
  sessions: number;
  completed: number;
}

export interface SessionFigures {
  id: number;
  topic: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  trainer: string | null;
  assessmentMethod: string;
  passScore: string;
  status: string;
  version: number;
  enrolled: number;
  present: number;
  absent: number;
  passed: number;
  failed: number;
  averageScore: string | null;
}

export interface TrainingPlan {
  id: number;
  title: string;
  kind: string;
  goals: string;
  content: string;
  method: string;
  trainer: string;
  startsOn: string;
  endsOn: string;
  ownerName: string | null;
  ownerDeptName: string | null;
  version: number;
  canManage: boolean;
  sessions: SessionFigures[];
}

export interface AttendanceRow {
  id: number;
  userId: number;
  userName: string;
  deptName: string;
  status: string;
  score: string | null;
  passed: boolean | null;
  feedbackRating: number | null;
  feedback: string | null;
  feedbackAt: string | null;
  version: number;
}

export interface TrainingSession {
  id: number;
  planId: number;
  planTitle: string;
  kind: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  trainer: string | null;
  assessmentMethod: string;
  passScore: string;
  status: string;
  completedAt: string | null;
  version: number;
  canManage: boolean;
  attendance: AttendanceRow[];
}

export interface StaffRow {
  userId: number;
  name: string;
  deptName: string;
  onboardingStatus: string | null;
  onboardingStartedOn: string | null;
  onboardingDueOn: string | null;
  onboardingPassedOn: string | null;
  agreementSignedOn: string | null;
  version: number;
  validCertificates: number;
  expiredCertificates: number;
}

export interface Certificate {
  id: number;
  name: string;
  number: string;
  issuedOn: string;
  expiresOn: string | null;
  version: number;
  state: 'valid' | 'expired';
}

export interface HistoryRow {
  id: number;
  sessionId: number;
  topic: string;
  planTitle: string;
  kind: string;
  startsAt: string;
  sessionStatus: string;
  status: string;
  score: string | null;
  passed: boolean | null;
  feedbackRating: number | null;
  version: number;
}

export interface StaffDetail extends StaffRow {
  managerName: string | null;
  canManage: boolean;
  isSelf: boolean;
  agreementFiles: { id: number; fileName: string; size: number; createdAt: string }[];
  certificates: Certificate[];
  history: HistoryRow[];
}

export interface ComplianceItem {
  userId: number;
  name: string;
  deptName: string;
  issues: { code: string; certificate?: string; date?: string }[];
}

export interface QuarterItem {
  userId: number;
  name: string;
  deptName: string;
  attended: number;
  lastDay: string | null;
  flagged: boolean;
}

export interface QuarterReport {
  quarter: string;
  from: string;
  to: string;
  ended: boolean;
  items: QuarterItem[];
}

export interface MyOnboarding {
  activeForSales: boolean;
  onboardingStatus: string | null;
  dueOn: string | null;
}
