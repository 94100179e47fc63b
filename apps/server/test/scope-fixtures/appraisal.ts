import type { ScopeFixtureFile } from './types.ts';

const PERIOD = '2020-01';

/**
 * manager1 (销售一部) runs the appraisal of January 2020 over 销售一部: rep1 (the insider) sees the run
 * and their own result; manager2 (销售二部) sees neither; rep2 sees nothing and scores nobody.
 */
export const appraisalFixtures: ScopeFixtureFile = {
  async setup({ org, approver, fixture }) {
    const r = await approver.post('/api/appraisal-runs', { period: PERIOD });
    if (r.statusCode !== 201) throw new Error(`appraisal fixture: ${r.statusCode} ${r.body}`);
    fixture.appraisal_run = r.json().id;
    fixture.appraisal_result = r.json().results.find((x: { personId: number }) => x.personId === org.user.rep1).id;
  },
  bodies: {
    'POST /api/appraisal-runs/:id/close': (version) => ({ version }),
    'POST /api/appraisal-results/:id/manual-scores': (version) => ({
      version,
      label: '越权',
      points: '1',
      evidence: '越权',
    }),
    'POST /api/appraisal-results/:id/acknowledge': (version) => ({ version }),
    'POST /api/appraisal-results/:id/object': (version) => ({ version, reason: '越权', points: '1' }),
  },
  markers: { appraisal_run: `${PERIOD}-01` },
};
