export const REPORT_VIEW = 'report.view';
