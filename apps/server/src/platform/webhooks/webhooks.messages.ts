import { registerMessages } from '../i18n/messages.ts';

/** Texts of webhook endpoints (SPEC 1.11). */
registerMessages({
  'zh-CN': {
    'webhook.url_invalid': '请填写以 http:// 或 https:// 开头的地址（不含用户名和密码）',
    'webhook.unknown_event': '不支持的事件类型：{event}',
  },
  'zh-TW': {
    'webhook.url_invalid': '請填寫以 http:// 或 https:// 開頭的位址（不含使用者名稱和密碼）',
    'webhook.unknown_event': '不支援的事件類型：{event}',
  },
  'en-US': {
    'webhook.url_invalid': 'Enter an address starting with http:// or https:// (without user name or password)',
    'webhook.unknown_event': 'Unsupported event type: {event}',
  },
});
