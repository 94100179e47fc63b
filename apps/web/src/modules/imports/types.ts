export type ImportStatus =
  | 'analysing'
  | 'mapping'
  | 'validating'
  | 'validated'
  | 'invalid'
  | 'committing'
  | 'committed'
  | 'failed';

export interface ImportJobSummary {
  id: number;
  template: string;
  status: ImportStatus;
  step: 'analyse' | 'dryRun' | 'commit';
  fileName: string;
  fileSize: number;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  createdCount: number;
  failure: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportJob extends ImportJobSummary {
  headers: string[];
  mapping: Record<string, string | null>;
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** The fields of a customer import, in the order the mapping select offers them (server: imports.columns.ts). */
export const CUSTOMER_IMPORT_FIELDS = [
  'name',
  'kind',
  'creditCode',
  'idNumber',
  'mobile',
  'phone',
  'email',
  'address',
  'region',
  'industry',
  'source',
  'class',
  'tags',
  'remark',
  'gender',
  'birthDate',
  'occupation',
  'interests',
  'purchaseIntent',
  'owner',
  'contactName',
  'contactTitle',
  'contactMobile',
  'contactEmail',
  'contactWechat',
] as const;
