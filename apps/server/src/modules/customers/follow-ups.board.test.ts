import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { companyDate } from '../../platform/time.ts';

let env: TestEnv;
const day = (offset: number) => companyDate(new Date(Date.now() + offset * 86400000));

beforeAll(async () => {
  env = await createTestEnv();
  await seedOrg(env);
});
afterAll(() => env.close());

describe('follow-up discipline board (one-to-one follow-up check)', () => {
  it("shows each rep's overdue and due-today follow-ups to their manager, and only their own to a rep", async () => {
    const plan = async (who: Client, name: string, mobile: string, date: string) => {
      const c = (await who.post('/api/customers', { kind: 'individual', name, mobile })).json();
      await who.post(`/api/customers/${c.id}/follow-ups`, {
        type: 'call',
        content: '电话',
        outcome: 'neutral',
        nextAction: '回访',
        nextActionDate: date,
      });
    };
    const rep1 = await Client.login(env.app, 'rep1');
    const rep1b = await Client.login(env.app, 'rep1b');
    const rep2 = await Client.login(env.app, 'rep2');
    await plan(rep1, '逾期甲', '13600000001', day(-5));
    await plan(rep1, '逾期乙', '13600000002', day(-2));
    await plan(rep1, '今日丙', '13600000003', day(0));
    await plan(rep1, '将来丁', '13600000004', day(3));
    await plan(rep1b, '今日戊', '13600000005', day(0));
    await plan(rep2, '二部逾期', '13600000006', day(-1));

    const manager = await Client.login(env.app, 'manager1');
    const board = (await manager.get('/api/follow-ups/board')).json();
    expect(
      board.items.map((r: { userName: string; overdue: number; dueToday: number }) => [
        r.userName,
        r.overdue,
        r.dueToday,
      ]),
    ).toEqual([
      ['张三', 2, 1],
      ['李四', 0, 1],
    ]);
    expect(board.items[0].oldestOverdue).toBe(day(-5));
    expect(board.items[0].customers.map((c: { customerName: string }) => c.customerName)).toEqual([
      '逾期甲',
      '逾期乙',
      '今日丙',
    ]);

    const own = (await rep1b.get('/api/follow-ups/board')).json();
    expect(own.items.map((r: { userName: string }) => r.userName)).toEqual(['李四']);
    const director = (await (await Client.login(env.app, 'director')).get('/api/follow-ups/board')).json();
    expect(director.items.map((r: { userName: string }) => r.userName)).toEqual(['张三', '王五', '李四']);
  });
});
