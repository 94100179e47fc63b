/** Builds the demo customers with contacts and follow-ups in memory (pure; no database). */
import {
  type CustomerClass,
  type FollowUpOutcome,
  type FollowUpType,
  type Industry,
  normalizeCompanyName,
  type RegionCode,
  type SourceChannel,
} from '@sales/core';
import {
  BUSINESS,
  CITIES,
  type City,
  CONTACT_TITLES,
  CUSTOMER_TAGS,
  ESTATES,
  LEGAL_SUFFIXES,
  PARKS,
  REMARKS,
  ROADS,
  TRADE_NAMES,
} from './dictionaries.ts';
import { Identifiers, personName } from './identifiers.ts';
import { addDays, DAY, HOUR, officeTime, type Rng, shanghaiDate } from './rng.ts';
import { followUpText, NEXT_ACTIONS } from './texts.ts';

export interface Owner {
  id: number;
  deptId: number;
  weight: number;
}

export interface ContactPlan {
  name: string;
  title: string;
  mobile: string;
  email: string | null;
  wechat: string | null;
  isPrimary: boolean;
  createdAt: Date;
}

export interface FollowUpPlan {
  type: FollowUpType;
  content: string;
  outcome: FollowUpOutcome;
  contactIndex: number | null;
  nextAction: string | null;
  nextActionDate: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

export interface CustomerPlan {
  ownerId: number;
  ownerDeptId: number;
  kind: 'company' | 'individual';
  name: string;
  nameNorm: string;
  creditCode: string | null;
  idNumber: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  address: string;
  region: RegionCode;
  industry: Industry;
  source: SourceChannel;
  class: CustomerClass;
  tags: string[];
  remark: string | null;
  createdAt: Date;
  /** Set when the class was raised later (an 'update' in the audit trail). */
  upgrade: { from: CustomerClass; at: Date } | null;
  contacts: ContactPlan[];
  followUps: FollowUpPlan[];
}

const SOURCES: [SourceChannel, number][] = [
  ['exhibition', 20],
  ['referral', 18],
  ['online', 18],
  ['phone', 15],
  ['walk_in', 10],
  ['conference', 10],
  ['outdoor', 4],
  ['other', 5],
];
const CLASSES: [CustomerClass, number][] = [
  ['KEY', 10],
  ['A', 22],
  ['B', 36],
  ['C', 32],
];
const TYPES: [FollowUpType, number][] = [
  ['call', 30],
  ['wechat', 20],
  ['visit', 15],
  ['email', 12],
  ['meeting', 8],
  ['site_visit', 5],
  ['test_drive', 5],
  ['sms', 5],
];
const OUTCOMES: [FollowUpOutcome, number][] = [
  ['positive', 45],
  ['neutral', 35],
  ['negative', 8],
  ['no_answer', 12],
];
/** Open next actions per owner cycle through these, so everybody has overdue, due-today and upcoming work. */
const DUE_CYCLE = ['overdue', 'today', 'upcoming', 'overdue', 'upcoming', 'today', 'none', 'upcoming'] as const;
type Due = (typeof DUE_CYCLE)[number];

const cityWeights = CITIES.map((c) => [c, c.weight] as const);

function address(rng: Rng, city: City, home: boolean): string {
  const prefix = `${city.province}${city.name}市${city.district}`;
  const road = rng.pick(ROADS);
  if (home)
    return `${prefix}${road}${rng.int(1, 399)}号${rng.pick(ESTATES)}${rng.int(1, 28)}栋${rng.int(1, 3)}单元${rng.int(1, 32)}0${rng.int(1, 4)}室`;
  if (rng.chance(0.4)) return `${prefix}${rng.pick(PARKS)}${road}${rng.int(1, 999)}号`;
  return `${prefix}${road}${rng.int(1, 999)}号${rng.chance(0.5) ? `${rng.int(1, 12)}幢` : ''}`;
}

function landline(rng: Rng, city: City): string {
  return `${city.areaCode}-${rng.int(5, 8)}${rng.digits(7)}`;
}

/** An office-hours instant strictly between two instants (uniform if the window has no office hours). */
function officeTimeBetween(rng: Rng, from: number, to: number): Date {
  for (let i = 0; i < 20; i++) {
    const at = officeTime(shanghaiDate(new Date(from + rng.next() * (to - from))), rng);
    if (at.getTime() > from && at.getTime() < to) return at;
  }
  return new Date(from + rng.next() * (to - from));
}

/** The open follow-up's due date and when it was written, for the wanted state. */
function latestTiming(
  rng: Rng,
  due: Due,
  created: Date,
  now: Date,
  today: string,
): { at: Date; date: string | null } | null {
  const after = created.getTime() + 2 * HOUR;
  if (due === 'overdue') {
    const date = addDays(today, -rng.int(1, 15));
    const at = officeTime(addDays(date, -rng.int(2, 10)), rng);
    return at.getTime() > after ? { at, date } : null;
  }
  if (due === 'today') {
    const at = officeTime(addDays(today, -rng.int(1, 10)), rng);
    return at.getTime() > after ? { at, date: today } : null;
  }
  const from = Math.max(after, now.getTime() - 12 * DAY);
  const to = now.getTime() - 30 * 60_000;
  if (from >= to) return null;
  const at = officeTimeBetween(rng, from, to);
  return { at, date: due === 'upcoming' ? addDays(today, rng.int(1, 20)) : null };
}

function followUps(rng: Rng, c: CustomerPlan, n: number, due: Due, now: Date, today: string): FollowUpPlan[] {
  let latest = latestTiming(rng, due, c.createdAt, now, today);
  // A customer created too recently for the wanted state gets an upcoming action instead.
  if (!latest) latest = latestTiming(rng, 'upcoming', c.createdAt, now, today);
  if (!latest) return [];
  const times: Date[] = [];
  const span = latest.at.getTime() - c.createdAt.getTime();
  for (let i = 0; i < n - 1; i++)
    times.push(officeTimeBetween(rng, c.createdAt.getTime() + HOUR, c.createdAt.getTime() + span - HOUR));
  times.sort((a, b) => a.getTime() - b.getTime());
  times.push(latest.at);
  const contactName = (i: number | null) =>
    i === null ? (c.kind === 'individual' ? c.name : '对方负责人') : `${c.contacts[i].name}${c.contacts[i].title}`;
  return times.map((at, i) => {
    const isLast = i === times.length - 1;
    const outcome: FollowUpOutcome = isLast && due === 'none' ? 'negative' : rng.weighted(OUTCOMES);
    const type: FollowUpType = outcome === 'no_answer' ? 'call' : rng.weighted(TYPES);
    const contactIndex = c.contacts.length && rng.chance(0.75) ? rng.int(0, c.contacts.length - 1) : null;
    const nextActionDate = isLast ? latest.date : addDays(shanghaiDate(at), rng.int(2, 14));
    return {
      type,
      outcome,
      contactIndex,
      content: followUpText(rng, type, outcome, contactName(contactIndex)),
      nextAction: nextActionDate ? (outcome === 'no_answer' ? '再次电话联系' : rng.pick(NEXT_ACTIONS)) : null,
      nextActionDate,
      // As the app does: a later follow-up closes the earlier open next action.
      doneAt: isLast ? null : times[i + 1],
      createdAt: at,
    };
  });
}

export function buildCustomers(
  rng: Rng,
  owners: Owner[],
  now: Date,
  count: number,
  reservedMobiles: string[],
): CustomerPlan[] {
  const ids = new Identifiers(rng);
  ids.reserve(reservedMobiles);
  const names = new Set<string>();
  const today = shanghaiDate(now);
  const ownerWeights = owners.map((o) => [o, o.weight] as const);
  const start = now.getTime() - 548 * DAY; // 18 months
  const plans: CustomerPlan[] = [];

  for (let i = 0; i < count; i++) {
    const owner = rng.weighted(ownerWeights);
    const city = rng.weighted(cityWeights);
    const isCompany = rng.chance(0.7);
    const created = officeTime(shanghaiDate(new Date(start + rng.next() * (now.getTime() - start - DAY))), rng);
    const source = rng.weighted(SOURCES);
    const cls = rng.weighted(CLASSES);
    let plan: CustomerPlan;
    if (isCompany) {
      let name: string;
      let py: string;
      let industry: Industry;
      do {
        const [trade, tradePy] = rng.pick(TRADE_NAMES);
        const [business, ind] = rng.weighted(BUSINESS.map(([b, ind, w]) => [[b, ind] as const, w] as const));
        name = `${city.name}${trade}${business}${rng.weighted(LEGAL_SUFFIXES)}`;
        py = tradePy;
        industry = ind;
      } while (names.has(normalizeCompanyName(name)));
      names.add(normalizeCompanyName(name));
      const domain = `${py}-${city.py}.com`;
      const contacts: ContactPlan[] = [];
      const titles = rng.sample(CONTACT_TITLES, rng.int(1, 3));
      titles.forEach(([title, mailbox], k) => {
        const p = personName(rng);
        contacts.push({
          name: p.name,
          title,
          mobile: ids.mobile(),
          email: rng.chance(0.5) ? `${mailbox}@${domain}` : null,
          wechat: rng.chance(0.4) ? `wxid_${rng.digits(10)}` : null,
          isPrimary: k === 0,
          createdAt: new Date(created.getTime() + (k + 1) * 60_000),
        });
      });
      plan = {
        ownerId: owner.id,
        ownerDeptId: owner.deptId,
        kind: 'company',
        name,
        nameNorm: normalizeCompanyName(name),
        creditCode: ids.creditCode('91', city.districtCode),
        idNumber: null,
        // The company's mobile is its primary contact's.
        mobile: rng.chance(0.6) ? contacts[0].mobile : null,
        phone: rng.chance(0.7) ? landline(rng, city) : null,
        email: rng.chance(0.4) ? `info@${domain}` : null,
        address: address(rng, city, false),
        region: city.region,
        industry,
        source,
        class: cls,
        tags: [],
        remark: rng.chance(0.35) ? rng.pick(REMARKS) : null,
        createdAt: created,
        upgrade: null,
        contacts,
        followUps: [],
      };
    } else {
      const p = personName(rng);
      plan = {
        ownerId: owner.id,
        ownerDeptId: owner.deptId,
        kind: 'individual',
        name: p.name,
        nameNorm: normalizeCompanyName(p.name),
        creditCode: null,
        idNumber: ids.idNumber(city.districtCode, p.male),
        mobile: ids.mobile(),
        phone: null,
        email: null,
        address: address(rng, city, true),
        region: city.region,
        industry: rng.pick(['retail', 'retail', 'other', 'agriculture', 'automotive'] as const),
        source,
        class: cls === 'KEY' ? 'A' : cls,
        tags: [],
        remark: rng.chance(0.2) ? '个体经营，主要做设备转售和维修。' : null,
        createdAt: created,
        upgrade: null,
        contacts: [],
        followUps: [],
      };
    }
    const tags = new Set<string>();
    if (source === 'exhibition') tags.add('展会');
    if (source === 'referral') tags.add('转介绍');
    if (plan.class === 'KEY' || (plan.class === 'A' && rng.chance(0.5))) tags.add('重点跟进');
    if (created.getTime() < now.getTime() - 365 * DAY && rng.chance(0.5)) tags.add('老客户');
    if (plan.kind === 'individual' && rng.chance(0.5)) tags.add('经销商');
    if (rng.chance(0.15)) tags.add(rng.pick(CUSTOMER_TAGS));
    plan.tags = [...tags];
    // Some customers were upgraded after a good conversation.
    if ((plan.class === 'A' || plan.class === 'B') && rng.chance(0.2)) {
      const at = officeTimeBetween(rng, created.getTime() + HOUR, now.getTime() - HOUR);
      if (at.getTime() > created.getTime() + HOUR) plan.upgrade = { from: plan.class === 'A' ? 'B' : 'C', at };
    }
    plans.push(plan);
  }

  // Follow-ups: 0–5 per customer; the open one's due date cycles per owner.
  const cycle = new Map<number, number>();
  for (const plan of plans) {
    const n = rng.weighted([
      [0, 12],
      [1, 20],
      [2, 22],
      [3, 20],
      [4, 15],
      [5, 11],
    ] as const);
    if (n === 0) continue;
    const k = cycle.get(plan.ownerId) ?? 0;
    cycle.set(plan.ownerId, k + 1);
    plan.followUps = followUps(rng, plan, n, DUE_CYCLE[k % DUE_CYCLE.length], now, today);
  }
  return plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
