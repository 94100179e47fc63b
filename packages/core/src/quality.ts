import { z } from 'zod';
import { isIsoDate } from './customers.ts';
import { BigId, IntId, QueryIntId, VersionNo } from './ids.ts';

/**
 * Quality records (SPEC 5.7; seed 000 ISO9001销售服务管理程序 3.2.3 审核控制: 定期进行内部审核 … 审核结果应记录
 * 在内部审核报告中，并采取必要的纠正和预防措施; 3.2.1 文件控制: 维护准确、最新的销售文件): internal audits of
 * the sales-service process, their findings, corrective and preventive actions (CAPA) tracked to
 * closure, and the controlled document list with versions and who holds which copy.
 */
export const AUDIT_STATUSES = ['planned', 'reported', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

// ISO audit practice: 严重不符合 / 一般不符合 / 观察项.
export const FINDING_SEVERITIES = ['major', 'minor', 'observation'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const CAPA_KINDS = ['corrective', 'preventive'] as const;
export type CapaKind = (typeof CAPA_KINDS)[number];

/** open → implemented (the owner's evidence) → closed (verified effective); a failed verification reopens. */
export const CAPA_STATUSES = ['open', 'implemented', 'closed'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];

/** Which CAPA transitions exist, for the server to enforce and the page to offer (ARCHITECTURE 2). */
export const CAPA_TRANSITIONS: Record<string, { from: CapaStatus[]; to: CapaStatus }> = {
  implement: { from: ['open'], to: 'implemented' },
  verify: { from: ['implemented'], to: 'closed' },
  reject: { from: ['implemented'], to: 'open' },
};

// Seed 000: 程序文件 (程序), 表单 / 记录, 作业指导书, 管理规程.
export const DOCUMENT_KINDS = ['procedure', 'work_instruction', 'form', 'regulation'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const dateKey = { message: 'validation.date', params: { key: 'validation.date' } };
const IsoDate = z.string().refine(isIsoDate, dateKey);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const text = (max: number) => z.string().trim().min(1).max(max);
const page = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const AuditInput = z.object({
  title: text(200),
  // The process and clauses audited (审核范围), e.g. 销售服务过程 / ISO 9001 8.2.
  scope: text(2000),
  auditDate: IsoDate,
  auditedDeptId: IntId,
  leadAuditorId: IntId,
  auditors: optText(500),
});
export type AuditInput = z.output<typeof AuditInput>;
export const AuditUpdateInput = AuditInput.extend({ version: VersionNo });
export type AuditUpdateInput = z.output<typeof AuditUpdateInput>;

/** The audit report (内部审核报告): its conclusion; the findings are recorded one by one. */
export const AuditReportInput = z.object({ version: VersionNo, conclusion: text(4000) });
export type AuditReportInput = z.output<typeof AuditReportInput>;
export const AuditCloseInput = z.object({ version: VersionNo });

export const AuditListQuery = z.object({ status: z.enum(AUDIT_STATUSES).optional(), ...page });
export type AuditListQuery = z.output<typeof AuditListQuery>;

export const FindingInput = z.object({
  version: VersionNo,
  clause: optText(100),
  description: text(4000),
  severity: z.enum(FINDING_SEVERITIES),
});
export type FindingInput = z.output<typeof FindingInput>;

export const CapaInput = z.object({
  findingId: BigId,
  kind: z.enum(CAPA_KINDS),
  rootCause: optText(2000),
  action: text(2000),
  ownerId: IntId,
  dueDate: IsoDate,
});
export type CapaInput = z.output<typeof CapaInput>;

export const CapaImplementInput = z.object({ version: VersionNo, note: text(4000) });
export type CapaImplementInput = z.output<typeof CapaImplementInput>;
export const CapaVerifyInput = z.object({ version: VersionNo, note: text(2000) });
export type CapaVerifyInput = z.output<typeof CapaVerifyInput>;
export const CapaDueInput = z.object({ version: VersionNo, dueDate: IsoDate, reason: text(500) });
export type CapaDueInput = z.output<typeof CapaDueInput>;

export const CapaListQuery = z.object({
  status: z.enum(CAPA_STATUSES).optional(),
  overdue: z.stringbool().optional(),
  ownerId: QueryIntId.optional(),
  ...page,
});
export type CapaListQuery = z.output<typeof CapaListQuery>;

export const DocumentInput = z.object({
  code: text(60),
  title: text(200),
  kind: z.enum(DOCUMENT_KINDS),
  ownerDeptId: IntId,
});
export type DocumentInput = z.output<typeof DocumentInput>;
/** A new controlled document with its first version (the change summary of a first issue is optional). */
export const DocumentCreateInput = DocumentInput.extend({
  label: text(30),
  effectiveDate: IsoDate,
  changeSummary: optText(2000),
});
export type DocumentCreateInput = z.output<typeof DocumentCreateInput>;
export const DocumentUpdateInput = DocumentInput.extend({ version: VersionNo });
export type DocumentUpdateInput = z.output<typeof DocumentUpdateInput>;

/**
 * A new version of a controlled document (文件制修订): it supersedes the current one. `reissue`
 * withdraws every copy of an older version still held and issues the new version to its holders.
 */
export const DocumentVersionInput = z.object({
  version: VersionNo,
  label: text(30),
  effectiveDate: IsoDate,
  changeSummary: text(2000),
  reissue: z.boolean().default(true),
});
export type DocumentVersionInput = z.output<typeof DocumentVersionInput>;

/** Issues copies of the current version (发放), one per holder. */
export const DistributionInput = z.object({ holderIds: z.array(IntId).min(1).max(200) });
export type DistributionInput = z.output<typeof DistributionInput>;
export const WithdrawInput = z.object({ reason: optText(200) });

export const DocumentListQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  keyword: z.string().trim().max(100).optional(),
  heldByMe: z.stringbool().optional(),
  ...page,
});
export type DocumentListQuery = z.output<typeof DocumentListQuery>;
