import type { AuditCases, AuditContext } from './types.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Audit cases of work logs and monthly reports (SPEC 5.1). */
export function worklogCases(ctx: AuditContext): AuditCases {
  const { org, rep, manager, ids } = ctx;
  return {
    'POST /api/work-logs/assign': {
      entity: 'work_log',
      action: 'assign',
      run: async () => {
        const r = await manager.post('/api/work-logs/assign', {
          userId: org.user.rep1,
          date: today(),
          work: '拜访重点客户',
        });
        ids.worklog = r.json().id;
        return r;
      },
    },
    'PUT /api/work-logs/mine': {
      entity: 'work_log',
      action: 'submit',
      run: async () => {
        const mine = (await rep.get('/api/work-logs/mine')).json();
        return rep.put('/api/work-logs/mine', {
          date: today(),
          done: '拜访两家客户',
          submit: true,
          version: mine.version,
        });
      },
    },
    'POST /api/work-logs/:id/comments': {
      entity: 'work_log',
      action: 'comment',
      run: async () => manager.post(`/api/work-logs/${ids.worklog}/comments`, { body: '很好' }),
    },
    'PUT /api/monthly-reports/mine': {
      entity: 'monthly_report',
      action: 'create',
      run: async () =>
        rep.put('/api/monthly-reports/mine', {
          month: today().slice(0, 7),
          summary: '本月总结',
          nextMonthPlan: '下月计划',
          version: 0,
        }),
    },
  };
}
