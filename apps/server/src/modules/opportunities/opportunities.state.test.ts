import { OPPORTUNITY_STATUS_ACTIONS, type OpportunityStatus } from '@sales/core';
import { describe, expect, it } from 'vitest';
import type { ChecklistState } from './opportunities.schema.ts';
import {
  autoItems,
  canDo,
  effectiveProbability,
  type MovePlan,
  normalizeStages,
  planChecklist,
  planMove,
  planReopen,
  planStart,
  type StageDef,
} from './opportunities.state.ts';
import { DEFAULT_PIPELINES } from './pipelines.defaults.ts';

/** The seeded pipelines as the rules see them (stage ids 101, 102, … in order). */
function stagesOf(code: string): StageDef[] {
  const p = DEFAULT_PIPELINES.find((x) => x.code === code);
  if (!p) throw new Error(code);
  return p.stages.map((s, i) => ({
    id: 101 + i,
    name: s.name,
    position: i + 1,
    kind: s.kind ?? 'open',
    probability: s.probability,
    checklist: (s.checklist ?? []).map((c) => ({ key: c.key, label: c.label, auto: c.auto ?? null })),
  }));
}

const allTicked = (stages: StageDef[]): ChecklistState =>
  Object.fromEntries(
    stages.map((s) => [String(s.id), Object.fromEntries(s.checklist.map((i) => [i.key, { at: 'x', by: 1 }]))]),
  );

/** Compact outcome: '=' same stage, '<' back, '>' forward, 'W' won, 'L' lost, 'R' reason needed, 'C' closed, 'M:a|b' missing. */
function outcome(p: MovePlan): string {
  if (p.ok) return p.status === 'won' ? 'W' : p.status === 'lost' ? 'L' : p.direction === 'backward' ? '<' : '>';
  switch (p.code) {
    case 'opportunity.stage.same':
      return '=';
    case 'opportunity.lost_reason_required':
      return 'R';
    case 'opportunity.closed':
      return 'C';
    case 'opportunity.checklist.incomplete':
      return `M:${p.missing.map((m) => m.label).join('|')}`;
    default:
      return p.code;
  }
}

/** Every (from, to) pair of a pipeline for one status and checklist state, as a table of outcomes. */
function table(stages: StageDef[], status: OpportunityStatus, checklist: ChecklistState, lostReason: string | null) {
  const from = stages.filter((s) => (status === 'open' ? s.kind === 'open' : s.kind === status));
  return Object.fromEntries(
    from.map((f) => [
      f.name,
      stages.map((t) =>
        outcome(planMove({ status, stages, fromStageId: f.id, toStageId: t.id, checklist, lostReason })),
      ),
    ]),
  );
}

const NEEDS = '需求分析表已填写';
const PROPOSAL = '方案已提交客户';

describe('default pipeline (默认销售流程): every stage pair', () => {
  const stages = stagesOf('default');

  it('has the seeded stages and probabilities', () => {
    expect(stages.map((s) => `${s.name}:${s.probability}:${s.kind}`)).toEqual([
      '初步接触:10:open',
      '需求分析:25:open',
      '方案/提案:50:open',
      '谈判:75:open',
      '赢单:100:won',
      '输单:0:lost',
    ]);
  });

  it('nothing ticked, no lost reason: forward past a stage needs its checklist; lost needs a reason', () => {
    expect(table(stages, 'open', {}, null)).toEqual({
      初步接触: ['=', '>', `M:${NEEDS}`, `M:${NEEDS}|${PROPOSAL}`, `M:${NEEDS}|${PROPOSAL}`, 'R'],
      需求分析: ['<', '=', `M:${NEEDS}`, `M:${NEEDS}|${PROPOSAL}`, `M:${NEEDS}|${PROPOSAL}`, 'R'],
      '方案/提案': ['<', '<', '=', `M:${PROPOSAL}`, `M:${PROPOSAL}`, 'R'],
      谈判: ['<', '<', '<', '=', 'W', 'R'],
    });
  });

  it('nothing ticked, with a lost reason: lost is allowed from every open stage', () => {
    const t = table(stages, 'open', {}, '价格太高');
    for (const row of Object.values(t)) expect(row[5]).toBe('L');
  });

  it('only the needs analysis ticked', () => {
    const ticked: ChecklistState = { '102': { needs_form: { at: 'x', by: 1 } } };
    expect(table(stages, 'open', ticked, null)).toEqual({
      初步接触: ['=', '>', '>', `M:${PROPOSAL}`, `M:${PROPOSAL}`, 'R'],
      需求分析: ['<', '=', '>', `M:${PROPOSAL}`, `M:${PROPOSAL}`, 'R'],
      '方案/提案': ['<', '<', '=', `M:${PROPOSAL}`, `M:${PROPOSAL}`, 'R'],
      谈判: ['<', '<', '<', '=', 'W', 'R'],
    });
  });

  it('everything ticked: every forward move and the win are allowed', () => {
    expect(table(stages, 'open', allTicked(stages), '预算取消')).toEqual({
      初步接触: ['=', '>', '>', '>', 'W', 'L'],
      需求分析: ['<', '=', '>', '>', 'W', 'L'],
      '方案/提案': ['<', '<', '=', '>', 'W', 'L'],
      谈判: ['<', '<', '<', '=', 'W', 'L'],
    });
  });

  it('a won or lost opportunity does not move at all (reopen first)', () => {
    for (const status of ['won', 'lost'] as const) {
      for (const reason of [null, '原因']) {
        const t = table(stages, status, allTicked(stages), reason);
        expect(Object.values(t).flat()).toEqual(Array(6).fill('C'));
      }
    }
  });

  it('refuses stages of another pipeline', () => {
    const p = planMove({ status: 'open', stages, fromStageId: 101, toStageId: 999, checklist: {} });
    expect(p).toEqual({ ok: false, code: 'opportunity.stage.invalid' });
  });
});

describe('4S pipeline (4S销售流程): every stage pair', () => {
  const stages = stagesOf('4s');
  const open = stages.filter((s) => s.kind === 'open');

  it('has the eight steps of the 4S manual, then won and lost', () => {
    expect(stages.map((s) => s.name)).toEqual([
      '集客',
      '接待',
      '需求分析',
      '产品介绍',
      '试乘试驾',
      '报价成交',
      '交车',
      '跟踪回访',
      '赢单',
      '输单',
    ]);
    expect(stages.find((s) => s.name === '试乘试驾')?.checklist.map((c) => c.label)).toContain('试驾协议已签');
  });

  it('nothing ticked: forward lists the checklists of every stage passed, in order; back is free', () => {
    for (const f of open) {
      for (const t of stages) {
        const got = outcome(planMove({ status: 'open', stages, fromStageId: f.id, toStageId: t.id, checklist: {} }));
        const passed = open.filter((s) => s.position >= f.position && (t.kind === 'won' || s.position < t.position));
        const labels = passed.flatMap((s) => s.checklist.map((c) => c.label));
        const want =
          t.id === f.id
            ? '='
            : t.kind === 'lost'
              ? 'R'
              : t.kind === 'open' && t.position < f.position
                ? '<'
                : labels.length
                  ? `M:${labels.join('|')}`
                  : t.kind === 'won'
                    ? 'W'
                    : '>';
        expect(got, `${f.name} → ${t.name}`).toBe(want);
      }
    }
  });

  it('everything ticked: every pair is allowed (lost with a reason)', () => {
    const all = allTicked(stages);
    for (const f of open) {
      for (const t of stages) {
        const got = outcome(
          planMove({
            status: 'open',
            stages,
            fromStageId: f.id,
            toStageId: t.id,
            checklist: all,
            lostReason: '购买竞品',
          }),
        );
        const want =
          t.id === f.id ? '=' : t.kind === 'won' ? 'W' : t.kind === 'lost' ? 'L' : t.position < f.position ? '<' : '>';
        expect(got, `${f.name} → ${t.name}`).toBe(want);
      }
    }
  });

  it('the test drive cannot be passed without 试驾协议已签', () => {
    const drive = stages.find((s) => s.name === '试乘试驾') as StageDef;
    const quote = stages.find((s) => s.name === '报价成交') as StageDef;
    const partly: ChecklistState = { [String(drive.id)]: { license_checked: { at: 'x', by: 1 } } };
    const p = planMove({ status: 'open', stages, fromStageId: drive.id, toStageId: quote.id, checklist: partly });
    expect(outcome(p)).toBe('M:试驾协议已签');
  });
});

describe('starting, reopening and ticking', () => {
  const stages = stagesOf('default');

  it('a new opportunity starts in the first stage, or any later stage no checklist guards', () => {
    expect(planStart(stages, null)).toMatchObject({ ok: true, stage: { name: '初步接触' } });
    expect(planStart(stages, 102)).toMatchObject({ ok: true, stage: { name: '需求分析' } });
    expect(planStart(stages, 103)).toMatchObject({
      ok: false,
      code: 'opportunity.checklist.incomplete',
      missing: [{ label: NEEDS }],
    });
    expect(planStart(stages, 105)).toEqual({ ok: false, code: 'opportunity.stage.invalid' });
    expect(planStart(stages, 106)).toEqual({ ok: false, code: 'opportunity.stage.invalid' });
  });

  it('only a closed opportunity reopens, into the stage it left or a chosen open stage', () => {
    expect(planReopen({ status: 'open', stages, lastOpenStageId: null, stageId: null })).toEqual({
      ok: false,
      code: 'opportunity.not_closed',
    });
    for (const status of ['won', 'lost'] as const) {
      expect(planReopen({ status, stages, lastOpenStageId: 104, stageId: null })).toMatchObject({
        ok: true,
        stage: { id: 104 },
      });
      expect(planReopen({ status, stages, lastOpenStageId: null, stageId: null })).toMatchObject({
        ok: true,
        stage: { id: 101 },
      });
      expect(planReopen({ status, stages, lastOpenStageId: 104, stageId: 102 })).toMatchObject({
        ok: true,
        stage: { id: 102 },
      });
      expect(planReopen({ status, stages, lastOpenStageId: 104, stageId: 105 })).toEqual({
        ok: false,
        code: 'opportunity.stage.invalid',
      });
    }
  });

  it('checklist items: manual ones toggle while open; system ones and unknown ones are refused', () => {
    const s4 = stagesOf('4s');
    expect(planChecklist({ status: 'open', stages: s4, stageId: 105, key: 'test_drive_agreement' })).toMatchObject({
      ok: true,
    });
    expect(planChecklist({ status: 'open', stages, stageId: 102, key: 'needs_form' })).toMatchObject({
      ok: false,
      code: 'opportunity.checklist.auto',
    });
    expect(planChecklist({ status: 'open', stages, stageId: 102, key: 'nope' })).toMatchObject({
      ok: false,
      code: 'opportunity.checklist.unknown',
    });
    expect(planChecklist({ status: 'won', stages: s4, stageId: 105, key: 'test_drive_agreement' })).toMatchObject({
      ok: false,
      code: 'opportunity.closed',
    });
  });

  it('events tick the system items: the needs analysis form, an accepted proposal', () => {
    expect(autoItems(stages, ['needs_analysis']).map((x) => x.item.label)).toEqual([NEEDS]);
    expect(autoItems(stages, ['proposal_sent']).map((x) => x.item.label)).toEqual([]);
    expect(autoItems(stages, ['proposal_sent', 'proposal_accepted']).map((x) => x.item.label)).toEqual([PROPOSAL]);
    expect(autoItems(stagesOf('4s'), ['needs_analysis']).map((x) => x.stage.name)).toEqual(['需求分析']);
  });

  it('probability: the override while open, the stage value when closed', () => {
    expect(effectiveProbability({ kind: 'open', probability: 25 }, null)).toBe(25);
    expect(effectiveProbability({ kind: 'open', probability: 25 }, 40)).toBe(40);
    expect(effectiveProbability({ kind: 'won', probability: 100 }, 40)).toBe(100);
    expect(effectiveProbability({ kind: 'lost', probability: 0 }, 40)).toBe(0);
  });

  it('the action table: closed opportunities only reopen (or are deleted)', () => {
    expect(OPPORTUNITY_STATUS_ACTIONS.won).toEqual(['reopen', 'delete']);
    expect(OPPORTUNITY_STATUS_ACTIONS.lost).toEqual(['reopen', 'delete']);
    expect(canDo('open', 'reopen')).toBe(false);
    for (const a of ['edit', 'move', 'checklist', 'win', 'lose', 'needs_analysis', 'proposal'] as const) {
      expect(canDo('open', a)).toBe(true);
      expect(canDo('won', a)).toBe(false);
      expect(canDo('lost', a)).toBe(false);
    }
  });
});

describe('pipeline stage rules', () => {
  const s = (name: string, kind: 'open' | 'won' | 'lost' = 'open', keys: string[] = []) => ({
    name,
    kind,
    checklist: keys.map((key) => ({ key })),
  });

  it('orders open stages first (kept in order), then won, then lost, numbered from 1', () => {
    const r = normalizeStages(
      [s('输'), s('甲'), s('赢', 'won'), s('乙')].map((x, i) => (i === 0 ? { ...x, kind: 'lost' as const } : x)),
    );
    expect(r.ok && r.stages.map((x) => `${x.position}${x.name}`)).toEqual(['1甲', '2乙', '3赢', '4输']);
  });

  it('needs an open stage and exactly one won and one lost stage', () => {
    expect(normalizeStages([s('赢', 'won'), s('输', 'lost')])).toMatchObject({
      ok: false,
      code: 'pipeline.stages.invalid',
    });
    expect(normalizeStages([s('甲'), s('赢', 'won'), s('赢2', 'won'), s('输', 'lost')])).toMatchObject({
      ok: false,
      code: 'pipeline.stages.invalid',
    });
    expect(normalizeStages([s('甲'), s('赢', 'won')])).toMatchObject({ ok: false, code: 'pipeline.stages.invalid' });
  });

  it('refuses duplicate stage names and duplicate checklist keys within a stage', () => {
    expect(normalizeStages([s('甲'), s('甲'), s('赢', 'won'), s('输', 'lost')])).toMatchObject({
      ok: false,
      code: 'pipeline.stage.duplicate_name',
    });
    expect(normalizeStages([s('甲', 'open', ['a', 'a']), s('赢', 'won'), s('输', 'lost')])).toMatchObject({
      ok: false,
      code: 'pipeline.checklist.duplicate_key',
    });
    expect(
      normalizeStages([s('甲', 'open', ['a']), s('乙', 'open', ['a']), s('赢', 'won'), s('输', 'lost')]),
    ).toMatchObject({ ok: true });
  });
});
