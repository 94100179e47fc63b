import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/work-calendar.ts';
import {
  dueAt,
  elapsedMs,
  meet,
  pause,
  reopen,
  resume,
  retarget,
  type SlaClock,
  settle,
  slaState,
  startClock,
  warnAt,
} from './sla.clock.ts';

const cal = new WorkCalendar(); // Mon–Fri 9:00–18:00 and the official 2026 schedule
const MIN = 60_000;
const H = 60 * MIN;
const bj = (s: string) => new Date(`${s}:00+08:00`);

describe('SLA clock rules', () => {
  it('counts working hours only: 4 h from Friday 16:00 before 春节 is due on the 调休 Saturday 11:00', () => {
    const c = startClock(bj('2026-02-13T16:00'), 4 * H);
    expect(dueAt(c, cal)).toEqual(bj('2026-02-14T11:00'));
    expect(warnAt(c, cal, 75)).toEqual(bj('2026-02-14T10:00'));
    expect(slaState(settle(c, cal, bj('2026-02-14T11:00')))).toBe('running');
    expect(settle(c, cal, bj('2026-02-14T11:01')).breachedAt).toEqual(bj('2026-02-14T11:00'));
  });

  it('a pause stops the clock in working time: waiting over a weekend costs no working time', () => {
    let c = startClock(bj('2026-03-06T10:00'), 8 * H); // a Friday: due at closing time
    expect(dueAt(c, cal)).toEqual(bj('2026-03-06T18:00'));
    c = pause(c, cal, bj('2026-03-06T15:00')); // 5 h used, waiting for the customer
    expect(slaState(c)).toBe('paused');
    expect(dueAt(c, cal)).toBeNull();
    c = resume(c, cal, bj('2026-03-09T11:00')); // Monday 11:00: paused 3 h Fri + 2 h Mon of working time
    expect(elapsedMs(c, cal, bj('2026-03-09T11:00'))).toBe(5 * H);
    expect(dueAt(c, cal)).toEqual(bj('2026-03-09T14:00'));
  });

  it('a priority change re-targets from the original start and keeps the paused time', () => {
    let c = startClock(bj('2026-03-10T09:00'), 16 * H);
    c = pause(c, cal, bj('2026-03-10T11:00'));
    c = resume(c, cal, bj('2026-03-10T13:00')); // 2 h paused
    c = retarget(c, cal, bj('2026-03-10T14:00'), 4 * H); // urgent now: 3 h used, 1 h left
    expect(slaState(c)).toBe('running');
    expect(dueAt(c, cal)).toEqual(bj('2026-03-10T15:00'));
    // Raised again, below what is used: breached as of the change.
    const tight = retarget(c, cal, bj('2026-03-10T14:30'), 2 * H);
    expect(tight.breachedAt).toEqual(bj('2026-03-10T14:30'));
  });

  it('a breached metric stays breached: lowering the priority, answering late or reopening does not clear it', () => {
    let c = settle(startClock(bj('2026-03-10T09:00'), 1 * H), cal, bj('2026-03-10T12:00'));
    expect(c.breachedAt).toEqual(bj('2026-03-10T10:00'));
    c = retarget(c, cal, bj('2026-03-10T12:00'), 40 * H);
    c = meet(c, cal, bj('2026-03-10T12:30'));
    expect(slaState(c)).toBe('breached');
    expect(c.metAt).toEqual(bj('2026-03-10T12:30'));
    expect(slaState(reopen(c, cal, bj('2026-03-11T09:00')))).toBe('breached');
  });

  it('met exactly at the due time is met; reopening runs the clock again without the resolved time', () => {
    let c = startClock(bj('2026-03-10T09:00'), 2 * H);
    c = meet(c, cal, bj('2026-03-10T11:00'));
    expect(slaState(c)).toBe('met');
    c = reopen(c, cal, bj('2026-03-11T09:00')); // resolved for 7 working hours: not counted
    expect(slaState(c)).toBe('running');
    expect(elapsedMs(c, cal, bj('2026-03-11T09:00'))).toBe(2 * H);
    // Nothing left of the target: breached as soon as working time passes.
    expect(slaState(settle(c, cal, bj('2026-03-11T09:01')))).toBe('breached');
  });
});

/**
 * Reference model: the same rules by simulation, minute by minute, with a plain counter — no
 * interval arithmetic. A breach happens at the first instant the clock keeps running with its
 * target used up.
 */
class Reference {
  elapsed = 0;
  paused = false;
  met: number | null = null;
  breached: number | null = null;
  constructor(
    private now: number,
    private target: number,
  ) {}
  private static days = new Map<number, boolean>();
  private working(m: number) {
    const local = m + 8 * H; // Beijing wall time (no DST)
    const day = Math.floor(local / (24 * H));
    const minute = (local - day * 24 * H) / MIN;
    if (minute < 9 * 60 || minute >= 18 * 60) return false;
    let w = Reference.days.get(day);
    if (w === undefined) {
      w = cal.isWorkingDay(new Date(day * 24 * H).toISOString().slice(0, 10));
      Reference.days.set(day, w);
    }
    return w;
  }
  advance(to: number) {
    for (let m = this.now; m < to; m += MIN) {
      if (this.paused || this.met !== null) continue;
      if (this.breached === null && this.elapsed >= this.target) this.breached = m;
      if (this.working(m)) this.elapsed += 1;
    }
    this.now = Math.max(this.now, to);
  }
  apply(e: Event) {
    this.advance(e.at);
    if (e.kind === 'pause' && this.met === null) this.paused = true;
    if (e.kind === 'resume') this.paused = false;
    if (e.kind === 'meet') {
      this.paused = false;
      if (this.met === null) this.met = e.at;
    }
    if (e.kind === 'retarget') {
      this.target = e.targetMin;
      if (this.met === null && this.breached === null && this.elapsed >= e.targetMin) this.breached = e.at;
    }
    if (e.kind === 'reopen') this.met = null;
  }
  state() {
    if (this.breached !== null) return 'breached';
    if (this.met !== null) return 'met';
    return this.paused ? 'paused' : 'running';
  }
}

interface Event {
  kind: 'pause' | 'resume' | 'meet' | 'retarget' | 'reopen';
  at: number;
  targetMin: number;
}

/** A whole number of hours up to `max`, in minutes. */
const hours = (max: number) => fc.integer({ min: 0, max }).map((h) => h * 60);

describe('SLA clock against the reference model', () => {
  it('agrees on state, breach time, met time and elapsed working time after random event sequences', () => {
    const base = bj('2026-01-26T00:00').getTime(); // a span with 春节, 清明, 劳动节 and 调休 days
    fc.assert(
      fc.property(
        // Whole hours half of the time, so targets run out exactly at events, closing time and
        // resumptions outside working hours — the boundaries where the rules differ.
        fc.oneof(fc.integer({ min: 0, max: 200 * 24 * 60 }), hours(200 * 24)),
        fc.oneof(
          fc.integer({ min: 1, max: 3000 }),
          hours(20).filter((m) => m > 0),
        ),
        fc.array(
          fc.record({
            kind: fc.constantFrom('pause', 'resume', 'meet', 'retarget', 'reopen'),
            gap: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 4000 }), hours(72)),
            targetMin: fc.oneof(
              fc.integer({ min: 1, max: 3000 }),
              hours(20).filter((m) => m > 0),
            ),
          }),
          { maxLength: 10 },
        ),
        fc.oneof(fc.integer({ min: 0, max: 4000 }), hours(72)),
        (startMin, targetMin, steps, tail) => {
          const start = base + startMin * MIN;
          const ref = new Reference(start, targetMin);
          let clock: SlaClock = startClock(new Date(start), targetMin * MIN);
          let at = start;
          for (const s of steps) {
            at += s.gap * MIN;
            const e: Event = { kind: s.kind, at, targetMin: s.targetMin };
            ref.apply(e);
            const when = new Date(at);
            if (e.kind === 'pause') clock = pause(clock, cal, when);
            if (e.kind === 'resume') clock = resume(clock, cal, when);
            if (e.kind === 'meet') clock = meet(clock, cal, when);
            if (e.kind === 'retarget') clock = retarget(clock, cal, when, e.targetMin * MIN);
            if (e.kind === 'reopen') clock = reopen(clock, cal, when);
          }
          const end = at + tail * MIN;
          ref.advance(end);
          clock = settle(clock, cal, new Date(end));
          expect(slaState(clock)).toBe(ref.state());
          expect(clock.breachedAt?.getTime() ?? null).toBe(ref.breached);
          expect(clock.metAt?.getTime() ?? null).toBe(ref.met);
          expect(elapsedMs(clock, cal, new Date(end))).toBe(ref.elapsed * MIN);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
