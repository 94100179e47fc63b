import type { AuditCases, AuditContext } from './types.ts';

/** The half-year analysis's written review (广告主题回顾 / 建议), saved by the department's manager. */
export function reportCases(ctx: AuditContext): AuditCases {
  const { manager, org } = ctx;
  return {
    'PUT /api/reports/half-year/review': {
      entity: 'report_review',
      action: 'create',
      run: () =>
        manager.put('/api/reports/half-year/review', {
          period: '2026-H1',
          departmentId: org.dept.sales1,
          themeReview: '审计用广告主题回顾',
          suggestions: '审计用建议',
        }),
    },
  };
}
