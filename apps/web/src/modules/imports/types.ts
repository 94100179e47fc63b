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

// The columns of each import (keys, headers per language, required) are shared with the server.
export {
  IMPORT_COLUMNS,
  IMPORT_TEMPLATES,
  type ImportColumn,
  type ImportTemplate,
  requiredImportFields,
} from '@sales/core/import-columns';
