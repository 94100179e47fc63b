import fs from 'node:fs';
import path from 'node:path';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  CONTRACT_ACTIONS,
  CONTRACT_REQUIRED_TERMS,
  CONTRACT_STATUSES,
  DELIVERY_ACTIONS,
  DELIVERY_STATUSES,
  INSPECTION_STATUSES,
  ORDER_ACTIONS,
  ORDER_STATUSES,
  QUOTE_ACTIONS,
  QUOTE_STATUSES,
} from '@sales/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
// Importing the app registers every module's messages (registerMessages in *.messages.ts).
import '../src/app.ts';
import { issueToField, ZOD_ISSUE_CODES } from '../src/platform/http/error-handler.ts';
import { LOCALES, type Locale } from '../src/platform/i18n/locale.ts';
import { catalogKeys, translate } from '../src/platform/i18n/messages.ts';

/**
 * Every message code the server can emit is a real translation in zh-CN, zh-TW and en-US — never
 * the raw key, never a `{param}` left unfilled (issue 9: "validation messages never show a raw
 * key"). The codes are collected from the source: the catalogs, the keys of custom zod checks in
 * packages/core, the `validation.<zod issue>` codes of the error handler, and every code thrown
 * (ValidationError.field, new XxxError('…'), super('…'), code: '…') or translated in the server,
 * and every notification and to-do title key (`'notify.…'`, `'task.…'`): the server renders those
 * in the reader's language from its own messages (issue 11: notices read `notify.receivable.overdue`).
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCES = ['apps/server/src', 'packages/core/src'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-helpers|fixtures/.test(e.name) ? [rel] : [];
  });
}

/** A place in the code that emits a message: the code (or a template of it) and the params it passes. */
interface Site {
  where: string;
  code: string;
  /** Param names given at the site; null when they are not a literal object (not checked). */
  params: string[] | null;
}

/** Top-level keys of the object literal starting at `text[open]` ('{'). */
function literalKeys(text: string, open: number): string[] {
  let depth = 0;
  let end = open;
  for (; end < text.length; end++) {
    if ('{[('.includes(text[end])) depth++;
    else if ('}])'.includes(text[end]) && --depth === 0) break;
  }
  const body = text.slice(open + 1, end);
  // Only depth-0 parts: drop nested brackets before looking for `key:` or shorthand `key`.
  const flat = body.replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, '');
  return [...flat.matchAll(/(?:^|,)\s*(?:\.\.\.)?(\w+)\s*(?=[:,]|$)/g)].map((m) => m[1]);
}

const CODE = `'([a-z][\\w]*(?:\\.[\\w]+)*)'|\`([a-z][\\w.]*\\$\\{[^\`]*)\``;
const PATTERNS: RegExp[] = [
  new RegExp(`ValidationError\\.field\\(\\s*(?:'[^']*'|\`[^\`]*\`|[\\w.]+)\\s*,\\s*(?:${CODE})`, 'g'),
  new RegExp(`new [A-Z]\\w*Error\\(\\s*(?:${CODE})`, 'g'),
  new RegExp(`super\\(\\s*(?:${CODE})`, 'g'),
  new RegExp(`translate\\([^,()]+,\\s*(?:${CODE})`, 'g'),
  new RegExp(`(?:key|code): (?:${CODE})`, 'g'),
  new RegExp(`issue\\((?:ctx, )?'\\w+', (?:${CODE})`, 'g'),
  new RegExp(`body\\(\\d+, (?:${CODE})`, 'g'),
  // Notification and to-do titles, wherever the key is written (titleKey: cond ? 'a' : 'b' too).
  new RegExp(`(?:${CODE.replace(/\[a-z\]/g, '(?:notify|task)\\.')})`, 'g'),
  // Approval summaries, rendered per reader (approvals.registry.ts renderSummary).
  new RegExp(`summaryKey: (?:${CODE})`, 'g'),
];

function collectSites(): Site[] {
  const sites: Site[] = [];
  for (const file of SOURCES.flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const re of PATTERNS) {
      for (const m of text.matchAll(re)) {
        const code = m[1] ?? m[2];
        // `code: 'x'` also names role codes and the like: only dotted ones there are message codes;
        // `key: 'x'` is a message key in core's custom checks (in the server it names policies).
        if (/^(?:key|code): /.test(m[0]) && !code.includes('.')) continue;
        if (m[0].startsWith('summaryKey: ') && file.includes('.test.')) continue;
        if (m[0].startsWith('key: ') && !file.startsWith('packages/core')) continue;
        const after = text.slice((m.index ?? 0) + m[0].length);
        const rest = /^['`]?\s*(,\s*\{|\))/.exec(after);
        const params = rest?.[1].startsWith(',') ? literalKeys(after, after.indexOf('{')) : rest ? [] : null;
        sites.push({ where: `${file}:${text.slice(0, m.index).split('\n').length}`, code, params });
      }
    }
  }
  return sites;
}

// What each templated code expands to: a new template fails the test until it is listed here.
const TEMPLATES: Record<string, readonly string[]> = {
  'order.status.': ORDER_STATUSES,
  'order.action.': ORDER_ACTIONS,
  'quote.status.': QUOTE_STATUSES,
  'quote.action.': QUOTE_ACTIONS,
  'contract.status.': CONTRACT_STATUSES,
  'contract.action.': CONTRACT_ACTIONS,
  'contract.terms.': CONTRACT_REQUIRED_TERMS.map((t) => `${t}_required`),
  'delivery.status.': DELIVERY_STATUSES,
  'delivery.action.': DELIVERY_ACTIONS,
  'inspection.': INSPECTION_STATUSES,
  'complaint.status.': COMPLAINT_STATUSES,
  'complaint.action.': COMPLAINT_ACTIONS,
  'complaint.severity.': COMPLAINT_SEVERITIES,
  'notify.payment.': ['confirmed', 'pending_clearance', 'cleared', 'bounced', 'rejected'],
  'notify.approval.': ['approved', 'rejected', 'returned'],
  'field.': ['mobile', 'name', 'creditCode', 'idNumber'],
  'validation.creditCode.': ['length', 'charset', 'checksum'],
  'validation.idNumber.': ['length', 'format', 'region', 'birthdate', 'checksum'],
  // The error handler's own mapping of zod issues, rendered below from real issues.
  'validation.': [],
};

function expand(site: Site): string[] {
  if (!site.code.includes('${')) return [site.code];
  const prefix = site.code.slice(0, site.code.indexOf('${'));
  const values = TEMPLATES[prefix];
  if (!values) throw new Error(`${site.where}: templated message code \`${site.code}\` — list its values in TEMPLATES`);
  return values.map((v) => prefix + v);
}

const own: Record<Locale, Set<string>> = {
  'zh-CN': new Set(catalogKeys.zhCN),
  'zh-TW': new Set(catalogKeys.zhTW),
  'en-US': new Set(catalogKeys.enUS),
};
const placeholders = (locale: Locale, code: string) =>
  [...translate(locale, code).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every message code the server can emit', () => {
  const sites = collectSites();
  const codes = new Set([
    ...catalogKeys.zhCN,
    ...ZOD_ISSUE_CODES,
    'validation.required',
    'validation.failed',
    ...sites.flatMap(expand),
  ]);

  it('finds the codes in the source (the scan itself works)', () => {
    expect(sites.length).toBeGreaterThan(300);
    for (const c of [
      'validation.money',
      'validation.qty',
      'validation.percent',
      'route.not_found',
      'stock.too_large',
      'notify.receivable.overdue',
      'approval.summary.quote',
    ])
      expect(codes, c).toContain(c);
  });

  it('has a translation of its own in zh-CN, zh-TW and en-US, with the same placeholders', () => {
    const missing: string[] = [];
    for (const code of codes) {
      for (const locale of LOCALES) {
        if (!own[locale].has(code)) missing.push(`${locale} ${code}`);
        else if (placeholders(locale, code).join() !== placeholders('zh-CN', code).join())
          missing.push(
            `${locale} ${code}: placeholders ${placeholders(locale, code)} ≠ zh-CN ${placeholders('zh-CN', code)}`,
          );
      }
    }
    expect(missing).toEqual([]);
  });

  it('never shows a raw key, and every placeholder is filled by the params the throwing code passes', () => {
    const bad: string[] = [];
    for (const site of sites) {
      for (const code of expand(site)) {
        for (const locale of LOCALES) {
          const text = translate(locale, code, Object.fromEntries((site.params ?? []).map((p) => [p, 'x'])));
          if (text === code) bad.push(`${site.where} ${locale}: raw key ${code}`);
          else if (site.params !== null && /\{\w+\}/.test(text))
            bad.push(`${site.where} ${locale}: ${code} leaves ${text.match(/\{\w+\}/g)} unfilled`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('renders every zod issue the validator can raise as a complete sentence', () => {
    const failing: [z.ZodType, unknown][] = [
      [z.string(), 1],
      [z.string().min(3), 'ab'],
      [z.string().max(2), 'abc'],
      [z.string().min(1), ''],
      [z.array(z.number()).min(2), [1]],
      [z.array(z.number()).max(1), [1, 2]],
      [z.number().min(5), 1],
      [z.number().max(5), 9],
      [z.number().positive(), 0],
      [z.number().negative(), 0],
      [z.number().multipleOf(5), 7],
      [z.enum(['a', 'b']), 'c'],
      [z.string().email(), 'x'],
      [z.object({}).strict(), { x: 1 }],
      [z.union([z.number(), z.boolean()]), 'x'],
      [z.record(z.string().min(2), z.number()), { a: 1 }],
      [z.map(z.string(), z.number()), new Map([['a', 'x']])],
      [z.string().refine(() => false), 'x'],
      [z.object({ a: z.string() }), {}],
    ];
    const rendered: string[] = [];
    for (const [schema, value] of failing) {
      const issues = schema.safeParse(value).error?.issues ?? [];
      expect(issues.length, JSON.stringify(value)).toBeGreaterThan(0);
      for (const issue of issues) {
        const { code: keyword, path: p, message, ...params } = issue;
        const field = issueToField({ keyword, instancePath: `/${p.join('/')}`, message, params });
        expect([...ZOD_ISSUE_CODES, 'validation.required']).toContain(field.code);
        for (const locale of LOCALES) {
          const text = translate(locale, field.code, field.params);
          expect(text, `${locale} ${field.code}`).not.toBe(field.code);
          expect(text, `${locale} ${field.code}`).not.toMatch(/\{\w+\}|undefined/);
          rendered.push(text);
        }
      }
    }
    expect(rendered).toContain('必须大于 0');
    expect(rendered).toContain('至少 3 个字符');
  });
});
