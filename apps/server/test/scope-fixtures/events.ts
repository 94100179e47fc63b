import { Client, type TestEnv } from '../harness.ts';
import type { ScopeFixtureFile } from './types.ts';

const EVENT = '扫描会销';

export const eventBody = (theme: string) => ({
  theme,
  venue: '扫描会场',
  startsAt: '2041-06-01T14:00:00+08:00',
  endsAt: '2041-06-01T17:00:00+08:00',
  capacity: 20,
  script: '您好，[客户姓名]',
  budget: [{ category: 'venue', budget: '100.00', actual: '0' }],
});

/** Creates an event as `planner` and has it approved by the general manager; returns its id. */
export async function approvedEvent(env: TestEnv, planner: Client, theme: string): Promise<number> {
  const r = await planner.post('/api/events', eventBody(theme));
  if (r.statusCode !== 201) throw new Error(`event fixture: ${r.statusCode} ${r.body}`);
  const id = r.json().id as number;
  await planner.post(`/api/events/${id}/submit`, { version: 1 });
  const gm = await Client.login(env.app, 'gm');
  const inst = (await gm.get('/api/approvals/inbox?pageSize=200'))
    .json()
    .items.find((i: { docType: string; docId: number }) => i.docType === 'event' && i.docId === id);
  const ok = await gm.post(`/api/approvals/${inst.instanceId}/approve`, {});
  if (ok.statusCode !== 200) throw new Error(`event approval: ${ok.body}`);
  return id;
}

/**
 * A draft event of 销售一部 (planned by manager1, the insider) and rep1's invitation of the fixture
 * customer to an approved event: manager2 (销售二部) sees neither; the approved campaign itself is
 * visible to every inviter, its invitations only within scope.
 */
export const eventFixtures: ScopeFixtureFile = {
  async setup({ env, owner, approver, fixture }) {
    const draft = await approver.post('/api/events', eventBody(EVENT));
    if (draft.statusCode !== 201) throw new Error(`event fixture: ${draft.statusCode} ${draft.body}`);
    fixture.event = draft.json().id;
    const director = await Client.login(env.app, 'director');
    const campaign = await approvedEvent(env, director, '范围巡检会议');
    const inv = await owner.post(`/api/events/${campaign}/invitations`, { customerIds: [fixture.customer] });
    if (inv.statusCode !== 201) throw new Error(`invitation fixture: ${inv.statusCode} ${inv.body}`);
    const list = (await owner.get(`/api/events/${campaign}/invitations`)).json();
    fixture.event_invitation = list.items[0].id;
  },
  bodies: {
    'PUT /api/events/:id': (version) => ({ ...eventBody('越权'), version }),
    'POST /api/events/:id/submit': (version) => ({ version }),
    'POST /api/events/:id/invitations': () => ({ customerIds: [1] }),
    'POST /api/events/:id/orders': () => ({ orderId: 1 }),
    'POST /api/events/:id/orders/detach': () => ({ orderId: 1 }),
    'PUT /api/event-invitations/:id/result': (version) => ({ result: 'accepted', version }),
    'POST /api/event-invitations/:id/confirm': (version) => ({ version }),
  },
  insiders: { event: 'approver' },
  markers: { event: EVENT },
};
