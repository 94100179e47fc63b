import { registerMessages } from '../i18n/messages.ts';

/** Validation texts of the company calendar (zh-CN first). */
registerMessages({
  'zh-CN': {
    'validation.time': '时间格式应为 HH:mm（如 09:00）',
    'validation.dateRange': '结束日期不能早于开始日期',
    'calendar.rangeTooLong': '一次最多查询 400 天',
    'calendar.dayEndBeforeStart': '下班时间必须晚于上班时间',
    'calendar.breakIncomplete': '午休需同时填写开始和结束时间',
    'calendar.breakEndBeforeStart': '午休结束时间必须晚于开始时间',
    'calendar.breakOutsideDay': '午休必须在上下班时间之内',
  },
  'zh-TW': {
    'validation.time': '時間格式應為 HH:mm（如 09:00）',
    'validation.dateRange': '結束日期不能早於開始日期',
    'calendar.rangeTooLong': '一次最多查詢 400 天',
    'calendar.dayEndBeforeStart': '下班時間必須晚於上班時間',
    'calendar.breakIncomplete': '午休需同時填寫開始和結束時間',
    'calendar.breakEndBeforeStart': '午休結束時間必須晚於開始時間',
    'calendar.breakOutsideDay': '午休必須在上下班時間之內',
  },
  'en-US': {
    'validation.time': 'Times must be HH:mm (e.g. 09:00)',
    'validation.dateRange': 'The end date cannot be before the start date',
    'calendar.rangeTooLong': 'At most 400 days at a time',
    'calendar.dayEndBeforeStart': 'The working day must end after it starts',
    'calendar.breakIncomplete': 'Give both the start and the end of the break',
    'calendar.breakEndBeforeStart': 'The break must end after it starts',
    'calendar.breakOutsideDay': 'The break must lie within working hours',
  },
});
