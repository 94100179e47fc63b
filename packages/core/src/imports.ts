import { z } from 'zod';
import { IMPORT_TEMPLATES } from './import-columns.ts';

/** The states of an import job: analysing → mapping → validating → validated | invalid → committing → committed. */
export const IMPORT_STATUSES = [
  'analysing',
  'mapping',
  'validating',
  'validated',
  'invalid',
  'committing',
  'committed',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const ImportUpload = z.object({
  template: z.enum(IMPORT_TEMPLATES),
  fileName: z.string().trim().min(1).max(200),
  /** The xlsx, Base64. */
  contentBase64: z.string().min(1),
});

/** Sheet header → field of the template (null: the column is not imported). */
export const ImportMapping = z.object({
  mapping: z.record(z.string().max(200), z.string().max(40).nullable()),
});

export const ImportPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
