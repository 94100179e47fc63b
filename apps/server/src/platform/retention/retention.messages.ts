import { registerMessages } from '../i18n/messages.ts';

/** The retention rule's refusal (档案管理, policy records.retentionYears). */
registerMessages({
  'zh-CN': { 'records.retention.archived': '该记录已归档，保存期限内不能删除（可于 {date} 后删除）' },
  'zh-TW': { 'records.retention.archived': '該記錄已歸檔，保存期限內不能刪除（可於 {date} 後刪除）' },
  'en-US': {
    'records.retention.archived':
      'This record is archived and cannot be deleted within its retention period (from {date})',
  },
});
