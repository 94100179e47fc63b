import { ContactInput, CustomerInput, normalizeCompanyName } from '@sales/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { type ResolvedScope, resolveScope } from '../../platform/permissions/scope.ts';
import { companyDate } from '../../platform/time.ts';
import { existingDuplicateKeys, type NewCustomer } from '../customers/index.ts';
import { usersInOnboarding } from '../training/index.ts';
import {
  type CustomerImportField,
  dictionaryCode,
  type ImportDictionary,
  TEMPLATE_HEADERS,
} from './imports.columns.ts';
import type { SheetRow } from './imports.read.ts';
import type { ImportProblem } from './imports.schema.ts';
import { issueKey } from './imports.sheet.ts';

interface OwnerRef {
  id: number;
  deptId: number;
  /** Set while the owner is in onboarding training: not active for sales (SPEC 5.4), cannot own customers. */
  inOnboarding?: string;
}

/** What checking rows needs, loaded once per run: owners by login and by name, the importer's scope. */
export interface CustomerRowContext {
  ctx: Ctx;
  /** header → field, and the column index of each mapped field. */
  columnOf: Map<CustomerImportField, number>;
  headerOf: Map<CustomerImportField, string>;
  owners: Map<string, OwnerRef | 'ambiguous'>;
  importer: OwnerRef;
  scope: ResolvedScope;
  /** Keys seen earlier in the file → the row they were first seen on (duplicates within the file). */
  seen: Map<string, number>;
}

export async function customerRowContext(
  ctx: Ctx,
  headers: string[],
  mapping: Record<string, string | null>,
): Promise<CustomerRowContext> {
  const columnOf = new Map<CustomerImportField, number>();
  const headerOf = new Map<CustomerImportField, string>();
  headers.forEach((h, i) => {
    const f = mapping[h] as CustomerImportField | null | undefined;
    if (f && !columnOf.has(f)) {
      columnOf.set(f, i);
      headerOf.set(f, h);
    }
  });
  const res = await ctx.db.execute<{ id: number; dept_id: number; username: string; name: string }>(
    sql`select id, dept_id, username, name from users where active`,
  );
  const owners = new Map<string, OwnerRef | 'ambiguous'>();
  let importer: OwnerRef = { id: ctx.principal.userId, deptId: ctx.principal.deptId };
  for (const u of res.rows) {
    const ref = { id: Number(u.id), deptId: Number(u.dept_id) };
    if (ref.id === ctx.principal.userId) importer = ref;
    owners.set(`u:${u.username.toLowerCase()}`, ref);
    const byName = owners.get(`n:${u.name}`);
    owners.set(`n:${u.name}`, byName && byName !== 'ambiguous' && byName.id !== ref.id ? 'ambiguous' : ref);
  }
  const training = await usersInOnboarding(ctx.db, [...new Set(res.rows.map((u) => Number(u.id)))]);
  for (const ref of [...owners.values(), importer])
    if (ref !== 'ambiguous' && training.has(ref.id)) ref.inOnboarding = training.get(ref.id);
  const scope = await resolveScope(ctx, 'customer.import');
  return { ctx, columnOf, headerOf, owners, importer, scope, seen: new Map() };
}

/** A cell holding several values, split on the usual separators. */
const split = (cell: string) =>
  cell
    .split(/[,，;；、]/)
    .map((t) => t.trim())
    .filter(Boolean);

const CONTACT_FIELD: Record<string, CustomerImportField> = {
  name: 'contactName',
  title: 'contactTitle',
  mobile: 'contactMobile',
  email: 'contactEmail',
  wechat: 'contactWechat',
};

/**
 * Checks a batch of sheet rows as the customer create use case would (the same CustomerInput and
 * ContactInput validators), plus what only an import has: dictionary values typed as labels,
 * owners by login or name within the importer's scope, duplicates within the file and against the
 * database (the rules of findDuplicate). Returns the rows ready to insert and every problem found.
 */
export async function checkCustomerRows(rc: CustomerRowContext, db: DbOrTx, rows: SheetRow[]) {
  const { ctx } = rc;
  const problems: ImportProblem[] = [];
  const ok: { row: number; value: NewCustomer }[] = [];
  const column = (f: CustomerImportField) => rc.headerOf.get(f) ?? TEMPLATE_HEADERS[ctx.locale][f];
  const problem = (row: number, f: CustomerImportField, key: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, column: column(f), message: translate(ctx.locale, key, params) });

  for (const { row, cells } of rows) {
    const get = (f: CustomerImportField) => {
      const i = rc.columnOf.get(f);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const before = problems.length;
    const dict = (f: CustomerImportField & ImportDictionary) => {
      const v = get(f);
      if (!v) return null;
      const code = dictionaryCode(f, v);
      if (!code) problem(row, f, 'import.unknown_value', { value: v });
      return code ?? null;
    };
    // Interests: several dictionary values in one cell (养生保健、旅游 or health,travel).
    const interests = split(get('interests')).flatMap((v) => {
      const code = dictionaryCode('interest', v);
      if (!code) problem(row, 'interests', 'import.unknown_value', { value: v });
      return code ? [code] : [];
    });
    const kindCode = dict('kind');
    // Without a kind column: an ID number and no credit code means a person, else a company.
    const kind = kindCode ?? (get('idNumber') && !get('creditCode') ? 'individual' : 'company');
    const candidate = {
      kind,
      name: get('name'),
      creditCode: get('creditCode'),
      idNumber: get('idNumber'),
      mobile: get('mobile'),
      phone: get('phone'),
      email: get('email'),
      address: get('address'),
      region: dict('region'),
      industry: dict('industry'),
      source: dict('source'),
      class: dict('class'),
      tags: split(get('tags')),
      remark: get('remark'),
      gender: dict('gender'),
      birthDate: get('birthDate'),
      occupation: dict('occupation'),
      interests,
      purchaseIntent: dict('purchaseIntent'),
      ownerId: null,
    };
    const parsed = CustomerInput.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const f = String(i.path[0] ?? 'name') as CustomerImportField;
        const { key, params } = issueKey(i);
        problem(row, f, key, params);
      }
    }
    // Owner: a login or a person's name; empty means the importer. SPEC 1.2: within the importer's scope.
    let owner: OwnerRef | undefined = rc.importer;
    const ownerText = get('owner');
    if (ownerText) {
      const hit = rc.owners.get(`u:${ownerText.toLowerCase()}`) ?? rc.owners.get(`n:${ownerText}`);
      owner = undefined;
      if (hit === 'ambiguous') problem(row, 'owner', 'import.owner.ambiguous', { value: ownerText });
      else if (!hit) problem(row, 'owner', 'import.owner.unknown', { value: ownerText });
      else if (!rc.scope.all && hit.id !== rc.scope.userId && !rc.scope.deptIds.includes(hit.deptId))
        problem(row, 'owner', 'import.owner.out_of_scope', { value: ownerText });
      else owner = hit;
    }
    if (owner?.inOnboarding) {
      problem(row, 'owner', 'training.onboarding_required', { name: owner.inOnboarding });
      owner = undefined;
    }
    let contact: ContactInput | null = null;
    const contactRaw = {
      name: get('contactName'),
      title: get('contactTitle'),
      mobile: get('contactMobile'),
      email: get('contactEmail'),
      wechat: get('contactWechat'),
    };
    if (Object.values(contactRaw).some(Boolean)) {
      const c = ContactInput.safeParse(contactRaw);
      if (c.success) contact = c.data;
      else
        for (const i of c.error.issues) {
          const { key, params } = issueKey(i);
          problem(row, CONTACT_FIELD[String(i.path[0])] ?? 'contactName', key, params);
        }
    }
    // As the create use case: a birth date must not lie in the future (company's today).
    if (parsed.success && parsed.data.birthDate && parsed.data.birthDate > companyDate(ctx.now()))
      problem(row, 'birthDate', 'validation.birthDate.future');
    if (!parsed.success || !owner) continue;
    const input = parsed.data;
    // Once per row: the duplicate keys here and below, and the column the insert writes.
    const nameNorm = normalizeCompanyName(input.name);
    // Duplicates within the file: the same keys the database check uses.
    const keys: [CustomerImportField, string | null][] = [
      ['mobile', input.mobile],
      ['creditCode', input.creditCode],
      ['idNumber', input.idNumber],
      ['name', input.kind === 'company' ? nameNorm : null],
    ];
    for (const [f, v] of keys) {
      if (!v) continue;
      const first = rc.seen.get(`${f}:${v}`);
      if (first !== undefined) problem(row, f, 'import.duplicate_in_file', { row: first });
      else rc.seen.set(`${f}:${v}`, row);
    }
    if (problems.length === before)
      ok.push({ row, value: { input, ownerId: owner.id, ownerDeptId: owner.deptId, contact, nameNorm } });
  }

  // Duplicates against the database, for the whole batch in one query.
  const existing = await existingDuplicateKeys(db, {
    mobiles: ok.flatMap((r) => (r.value.input.mobile ? [r.value.input.mobile] : [])),
    creditCodes: ok.flatMap((r) => (r.value.input.creditCode ? [r.value.input.creditCode] : [])),
    idNumbers: ok.flatMap((r) => (r.value.input.idNumber ? [r.value.input.idNumber] : [])),
    companyNames: ok.flatMap((r) => (r.value.input.kind === 'company' ? [r.value.nameNorm as string] : [])),
  });
  const valid: NewCustomer[] = [];
  for (const { row, value } of ok) {
    const { input } = value;
    const hits: CustomerImportField[] = [];
    if (input.creditCode && existing.creditCode.has(input.creditCode)) hits.push('creditCode');
    if (input.idNumber && existing.idNumber.has(input.idNumber)) hits.push('idNumber');
    if (input.mobile && existing.mobile.has(input.mobile)) hits.push('mobile');
    if (input.kind === 'company' && existing.name.has(value.nameNorm as string)) hits.push('name');
    for (const f of hits) problem(row, f, 'import.duplicate_existing');
    if (hits.length === 0) valid.push(value);
  }
  problems.sort((a, b) => a.row - b.row);
  return { valid, problems };
}
