import fs from 'node:fs';
import path from 'node:path';
import * as core from '@sales/core';
import { Converter } from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
// Importing the app registers every approval document type (and every module's messages).
import '../src/app.ts';
import { approvalDocTypes } from '../src/platform/approvals/approvals.registry.ts';
import { PERMISSIONS } from '../src/platform/permissions/registry.ts';
import { POLICIES } from '../src/platform/policies/registry.ts';

/**
 * Locale completeness of the web app (issue 11: "no raw values, ever"): every key the web code
 * uses, and every label of something the server or core defines (permission, resource, policy,
 * approval document type and fact, status and dictionary values), exists in zh-CN, zh-TW and
 * en-US — so no screen falls back to the key or the code. The server's own messages (errors,
 * notifications, to-dos, approval summaries) are checked by messages.test.ts.
 *
 * The locale files are merged the way apps/web/src/app/i18n.ts merges them: the shared file
 * first, then every module's file over it.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const WEB = path.join(ROOT, 'apps/web/src');
const LANGS = ['zh-CN', 'zh-TW', 'en-US'] as const;
type Lang = (typeof LANGS)[number];
type Messages = { [key: string]: string | Messages };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
const FILES = walk(WEB);

function deepMerge(target: Messages, source: Messages): Messages {
  for (const [k, v] of Object.entries(source)) {
    const cur = target[k];
    target[k] = typeof v === 'object' && typeof cur === 'object' ? deepMerge({ ...cur }, v) : v;
  }
  return target;
}

function load(lang: Lang): Messages {
  const files = FILES.filter((f) => f.endsWith(`${path.sep}locales${path.sep}${lang}.json`)).sort(
    (a, b) => Number(b.startsWith(path.join(WEB, 'locales'))) - Number(a.startsWith(path.join(WEB, 'locales'))),
  );
  return files.reduce<Messages>((acc, f) => deepMerge(acc, JSON.parse(fs.readFileSync(f, 'utf8'))), {});
}

function leaves(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const catalogs = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<Lang, Messages>;
const keys = Object.fromEntries(LANGS.map((l) => [l, new Set(leaves(catalogs[l]))])) as Record<Lang, Set<string>>;

/** The value at a dotted key: a string (a message), an object (a namespace) or undefined. */
function lookup(lang: Lang, key: string): string | Messages | undefined {
  let cur: string | Messages | undefined = catalogs[lang];
  for (const part of key.split('.')) {
    if (typeof cur !== 'object') return undefined;
    cur = cur[part];
  }
  return cur;
}
/** A message exists for `key` (or its plural forms, for t(key, { count })). */
const has = (lang: Lang, key: string) => keys[lang].has(key) || keys[lang].has(`${key}_other`);

/** Keys the web code names literally, and the prefixes of the keys it builds (`order.status.${s}`). */
function scanWebCode() {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of FILES.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    const where = (i: number) => `${path.relative(ROOT, file)}:${text.slice(0, i).split('\n').length}`;
    const patterns = [
      /\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g,
      /\bt\(\s*"([a-zA-Z][\w-]*(?:\.[\w-]+)+)"/g,
      /i18nKey="([a-zA-Z][\w-]*(?:\.[\w-]+)+)"/g,
      // t(cond ? 'a.b' : 'c.d')
      /\bt\(\s*[\w.!?]+\s*\?\s*'([a-zA-Z][\w.-]+)'\s*:\s*'[a-zA-Z][\w.-]+'/g,
      /\bt\(\s*[\w.!?]+\s*\?\s*'[a-zA-Z][\w.-]+'\s*:\s*'([a-zA-Z][\w.-]+)'/g,
    ];
    for (const re of patterns) for (const m of text.matchAll(re)) literal.set(m[1], where(m.index ?? 0));
    for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) prefixes.set(m[1], where(m.index ?? 0));
  }
  return { literal, prefixes };
}

/** Labels of things the server and core define, as the web looks them up. */
function definedLabels(): string[] {
  const out: string[] = [];
  const each = (prefix: string, values: readonly string[]) => {
    for (const v of values) out.push(`${prefix}.${v}`);
  };
  each(
    'permissions',
    PERMISSIONS.map((p) => p.permission),
  );
  each('resources', [...new Set(PERMISSIONS.map((p) => p.resource))]);
  // Policies: per-class variants ('pool.noDealReclaimDays.A') are labelled from their general
  // policy and the class (admin/policyMeta.ts policyLabel).
  for (const p of POLICIES) {
    const m = /^(.+)\.(A|B|C|KEY)$/.exec(p.key);
    out.push(m ? `policies.${m[1]}` : `policies.${p.key}`);
    out.push(`policyGroups.${p.key.split('.')[0]}`);
    if (p.type === 'enum') each(`policyOptions.${p.key}`, p.options);
  }
  for (const dt of approvalDocTypes()) {
    out.push(`approval.docType.${dt.type}`);
    each(
      'approval.facts',
      dt.fields.map((f) => f.key),
    );
  }
  each('dict.customerKind', core.CUSTOMER_KINDS);
  each('dict.customerClass', core.CUSTOMER_CLASSES);
  each('dict.source', core.SOURCE_CHANNELS);
  each('dict.followUpType', core.FOLLOW_UP_TYPES);
  each('dict.followUpOutcome', core.FOLLOW_UP_OUTCOMES);
  each('dict.creditRating', core.CREDIT_RATINGS);
  each('order.status', core.ORDER_STATUSES);
  each('order.channel', core.ORDER_CHANNELS);
  each('order.review.blocker', core.REVIEW_BLOCKERS);
  each('order.creditOverride', core.CREDIT_OVERRIDE_STATES);
  each('planner.taskStatus', core.PRODUCTION_TASK_STATUSES);
  each('planner.taskKind', core.PRODUCTION_TASK_KINDS);
  each('quote.status', core.QUOTE_STATUSES);
  each('contract.status', core.CONTRACT_STATUSES);
  each('contract.planKind', core.PLAN_KINDS);
  each('delivery.status', core.DELIVERY_STATUSES);
  each('delivery.inspection', core.INSPECTION_STATUSES);
  each('finance.bucket', core.AGING_BUCKETS);
  each('frontDesk.kind', core.REGISTRATION_KINDS);
  each('frontDesk.routeReason', core.ROUTE_REASONS);
  each('frontDesk.conflict.status', core.CONFLICT_STATUSES);
  each('integrations.tokenStatus', core.API_TOKEN_STATUSES);
  each('integrations.deliveryStatus', core.WEBHOOK_DELIVERY_STATUSES);
  each('opportunity.stageKind', core.STAGE_KINDS);
  each('opportunity.proposalResponse', core.PROPOSAL_RESPONSES);
  each('opportunity.auto', core.CHECKLIST_AUTO);
  each('pool.how', core.POOL_LEAVE_HOWS);
  each('pool.reclaimReason', core.POOL_RECLAIM_REASONS);
  each('product.tracking', core.TRACKING_MODES);
  each('priceList.kind', core.PRICE_LIST_KINDS);
  each('expenses.status', core.CLAIM_STATUSES);
  each('expenses.category', core.EXPENSE_CATEGORIES);
  each('dealers.status', core.DEALER_STATUSES);
  each('dealers.rating', core.DEALER_RATINGS);
  each('discipline.kind', core.DISCIPLINE_KINDS);
  each('discipline.level', core.DISCIPLINE_LEVELS);
  each('discipline.status', core.DISCIPLINE_STATUSES);
  each('discipline.outcome', core.DISCIPLINE_OUTCOMES);
  each('appraisal.status', core.APPRAISAL_RESULT_STATUSES);
  each('appraisal.runStatus', core.APPRAISAL_RUN_STATUSES);
  each('appraisal.indicator', core.APPRAISAL_INDICATORS);
  each('appraisal.itemKind', core.APPRAISAL_ITEM_KINDS);
  each('appraisal.decision', core.OBJECTION_DECISIONS);
  each('appraisal.severity', core.COMPLAINT_SEVERITIES);
  each('quality.auditStatus', core.AUDIT_STATUSES);
  each('quality.capaStatus', core.CAPA_STATUSES);
  each('quality.severity', core.FINDING_SEVERITIES);
  each('quality.capaKind', core.CAPA_KINDS);
  each('quality.docKind', core.DOCUMENT_KINDS);
  return out;
}

describe('web locales: zh-CN, zh-TW and en-US', () => {
  const { literal, prefixes } = scanWebCode();

  it('finds the keys in the code (the scan itself works)', () => {
    expect(literal.size).toBeGreaterThan(1000);
    expect(prefixes.size).toBeGreaterThan(100);
    for (const k of ['notification.title', 'common.listSeparator', 'admin.roles.permission'])
      expect([...literal.keys()]).toContain(k);
    expect([...prefixes.keys()]).toContain('permissions');
  });

  it('hold the same keys (plural forms aside)', () => {
    const norm = (l: Lang) => new Set([...keys[l]].map((k) => k.replace(PLURAL, '')));
    const base = norm('zh-CN');
    const diff: string[] = [];
    for (const l of LANGS) {
      const mine = norm(l);
      for (const k of base) if (!mine.has(k)) diff.push(`${l} lacks ${k}`);
      for (const k of mine) if (!base.has(k)) diff.push(`zh-CN lacks ${k} (in ${l})`);
    }
    expect(diff).toEqual([]);
  });

  it('have every key the web code names', () => {
    const missing: string[] = [];
    for (const [key, where] of literal) for (const l of LANGS) if (!has(l, key)) missing.push(`${l} ${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it('have a namespace for every key the code builds from a value', () => {
    const missing: string[] = [];
    for (const [prefix, where] of prefixes)
      for (const l of LANGS) if (typeof lookup(l, prefix) !== 'object') missing.push(`${l} ${prefix}.* (${where})`);
    expect(missing).toEqual([]);
  });

  it('label every permission, resource, policy, approval type and fact, status and dictionary value', () => {
    const missing: string[] = [];
    for (const key of definedLabels()) for (const l of LANGS) if (!has(l, key)) missing.push(`${l} ${key}`);
    expect(missing).toEqual([]);
  });

  it('write zh-TW in traditional characters (繁體), not copies of the simplified text', () => {
    // OpenCC's character-level simplified → traditional (Taiwan) conversion must leave every
    // zh-TW text unchanged, apart from characters Taiwan writes either way (台/臺, 占/佔, 准/準).
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const either = new Set([...'台占准']);
    const simplified = [...keys['zh-TW']].flatMap((k) => {
      const v = lookup('zh-TW', k);
      // A language's own name is written in that language (the switcher shows 简体中文).
      if (typeof v !== 'string' || k === 'lang.zh-CN') return [];
      const t = toTraditional(v);
      const bad = [...v].filter((ch, i) => ch !== t[i] && !either.has(ch));
      return t.length === v.length && bad.length ? [`${k}: ${v} (${bad.join('')})`] : [];
    });
    expect(simplified).toEqual([]);
  });
});
