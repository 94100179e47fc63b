import { CUSTOMER_IMPORT_COLUMNS, type ImportColumn, type ImportTemplate } from '@sales/core';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { insertCustomersBatch, type NewCustomer, pinyinKeys } from '../customers/index.ts';
import { checkCustomerRows, customerRowContext } from './imports.customers.ts';
import { openingStockKind } from './imports.opening-stock.ts';
import { priceListKind } from './imports.price-lists.ts';
import { productKind } from './imports.products.ts';
import type { SheetRow } from './imports.read.ts';
import type { ImportProblem } from './imports.schema.ts';
import { importComment } from './imports.sheet.ts';

/** The job a commit writes for: created records name the file (数据导入：<file>), movements the job. */
export interface CommitJob {
  id: number;
  fileName: string;
}

/**
 * One run (dry run or commit) of a kind over a file: checks batches of rows — with `db` the
 * commit's transaction, so what it reads is what it writes against — and writes the valid ones
 * through the owning module's functions. `finish` writes what only the whole file decides (a
 * price list is all its rows). Both return the result file's rows.
 */
export interface ImportRun<V = unknown> {
  check(db: DbOrTx, rows: SheetRow[]): Promise<{ valid: V[]; problems: ImportProblem[] }>;
  write(tx: Tx, valid: V[], job: CommitJob): Promise<(string | null)[][]>;
  finish?(tx: Tx, job: CommitJob): Promise<(string | null)[][]>;
  /**
   * True when check() reads nothing that write() of an earlier batch changes (in-file duplicates
   * are kept in memory): the commit may then check the next batch while writing this one.
   */
  overlap?: boolean;
  /** Work on checked rows that only a write needs, done by a commit inside the overlap. */
  prepare?(valid: V[]): void;
}

/** An import kind (SPEC 1.9; issue 14 item 5): its columns, who may run it, how a run checks and writes. */
export interface ImportKind {
  template: ImportTemplate;
  /** Route base under /api: the kind's own routes carry its permission. */
  path: string;
  permission: Permission;
  columns: readonly ImportColumn[];
  /** The template's example row, by field. */
  example(locale: Locale): Record<string, string>;
  /** Message keys of the result file's columns. */
  resultHeaders: string[];
  start(ctx: Ctx, headers: string[], mapping: Record<string, string | null>): Promise<ImportRun>;
}

const customerKind: ImportKind = {
  template: 'customers',
  path: '/imports',
  permission: 'customer.import',
  columns: CUSTOMER_IMPORT_COLUMNS,
  example: (locale) => ({
    name: '示例商贸有限公司',
    kind: translate(locale, 'import.example.kind'),
    creditCode: '91350100M000100Y43',
    mobile: '13800138000',
    region: translate(locale, 'import.example.region'),
    class: 'A',
    tags: translate(locale, 'import.example.tags'),
    contactName: translate(locale, 'import.example.contact'),
    contactTitle: translate(locale, 'import.example.title'),
    contactMobile: '13900139000',
  }),
  resultHeaders: ['import.result.no', 'import.result.name', 'import.result.contact'],
  async start(ctx, headers, mapping) {
    const rc = await customerRowContext(ctx, headers, mapping);
    return {
      // Duplicates of rows written earlier in the file are found in memory (rc.seen), not in the database.
      overlap: true,
      check: (db, rows) => checkCustomerRows(rc, db, rows),
      // The pinyin of the names (the costliest part of the search keys), while PostgreSQL writes.
      prepare(valid) {
        for (const v of valid as NewCustomer[]) v.pinyin = pinyinKeys(v.input.name);
      },
      async write(tx, valid, job) {
        const created = await insertCustomersBatch(tx, ctx, valid as never, importComment(job.fileName));
        return created.map((c) => [c.no, c.name, c.contactName]);
      },
    };
  },
};

export const IMPORT_KINDS: Record<ImportTemplate, ImportKind> = {
  customers: customerKind,
  products: productKind,
  priceLists: priceListKind,
  openingStock: openingStockKind,
};
