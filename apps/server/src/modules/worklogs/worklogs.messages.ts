import { registerMessages } from '../../platform/i18n/messages.ts';

/** Texts of work logs and monthly reports (SPEC 5.1), zh-CN first. */
registerMessages({
  'zh-CN': {
    'validation.month': '月份格式应为 YYYY-MM',
    'worklog.done_required': '提交日报前请填写今日完成的工作',
    'worklog.customer_invalid': '计划跟进的客户不存在或不在您的范围内',
    'notify.worklog.assigned': '{manager} 为您安排了 {date:date} 的工作',
    'notify.worklog.comment': '{manager} 点评了您 {date:date} 的工作日志',
    'task.report.monthly': '请在 {due:date} 前提交 {month} 月度工作报告（含下月计划）',
    'notify.report.monthly': '{month} 月度工作报告应于 {due:date} 前提交',
    'task.report.monthlyMissing': '{month} 月度工作报告尚有 {count} 人未交',
  },
  'zh-TW': {
    'validation.month': '月份格式應為 YYYY-MM',
    'worklog.done_required': '提交日報前請填寫今日完成的工作',
    'worklog.customer_invalid': '計畫跟進的客戶不存在或不在您的範圍內',
    'notify.worklog.assigned': '{manager} 為您安排了 {date:date} 的工作',
    'notify.worklog.comment': '{manager} 點評了您 {date:date} 的工作日誌',
    'task.report.monthly': '請在 {due:date} 前提交 {month} 月度工作報告（含下月計畫）',
    'notify.report.monthly': '{month} 月度工作報告應於 {due:date} 前提交',
    'task.report.monthlyMissing': '{month} 月度工作報告尚有 {count} 人未交',
  },
  'en-US': {
    'validation.month': 'Months must be YYYY-MM',
    'worklog.done_required': 'Fill in the work done today before handing in the log',
    'worklog.customer_invalid': 'A planned customer does not exist or is outside your scope',
    'notify.worklog.assigned': '{manager} assigned your work for {date:date}',
    'notify.worklog.comment': '{manager} commented on your work log of {date:date}',
    'task.report.monthly': 'Hand in the monthly report for {month} (with next month’s plan) by {due:date}',
    'notify.report.monthly': 'The monthly report for {month} is due by {due:date}',
    'task.report.monthlyMissing': 'Monthly reports for {month}: {count} not handed in',
  },
});
