import type { ScopeFixtureFile } from './types.ts';

const RULE = '扫描奖惩记录';

/**
 * A decided incident of rep1 (the person, the insider) recorded by manager1 (销售一部): manager2
 * (销售二部) never sees it; rep2 sees only their own records and records nobody's.
 */
export const disciplineFixtures: ScopeFixtureFile = {
  async setup({ org, approver, fixture }) {
    const r = await approver.post('/api/discipline-records', {
      kind: 'incident',
      personId: org.user.rep1,
      occurredOn: '2020-01-02',
      rule: RULE,
      description: '扫描用违规记录',
      lossAmount: '0',
    });
    if (r.statusCode !== 201) throw new Error(`discipline fixture: ${r.statusCode} ${r.body}`);
    fixture.discipline_record = r.json().id;
  },
  bodies: {
    'PUT /api/discipline-records/:id': (version) => ({
      kind: 'incident',
      personId: 1,
      occurredOn: '2020-01-02',
      rule: '越权',
      description: '越权',
      lossAmount: '0',
      version,
    }),
    'POST /api/discipline-records/:id/decide': (version) => ({ version }),
    'POST /api/discipline-records/:id/acknowledge': (version) => ({ version }),
    'POST /api/discipline-records/:id/void': (version) => ({ version, reason: '越权' }),
  },
  markers: { discipline_record: RULE },
};
