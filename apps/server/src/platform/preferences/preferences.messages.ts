import { registerMessages } from '../i18n/messages.ts';

/** Texts of the user's own preferences (列设置). */
registerMessages({
  'zh-CN': {
    'preference.key.unknown': '不支持的设置项',
    'preference.key.too_many': '个人设置项过多',
    'preference.value.invalid': '设置内容不正确',
    'preference.value.too_large': '设置内容过大（最多 {max} 字节）',
    'validation.bulk.duplicate': '同一条记录不能选择两次',
  },
  'zh-TW': {
    'preference.key.unknown': '不支援的設定項',
    'preference.key.too_many': '個人設定項過多',
    'preference.value.invalid': '設定內容不正確',
    'preference.value.too_large': '設定內容過大（最多 {max} 位元組）',
    'validation.bulk.duplicate': '同一筆記錄不能選擇兩次',
  },
  'en-US': {
    'preference.key.unknown': 'Unknown setting',
    'preference.key.too_many': 'Too many personal settings',
    'preference.value.invalid': 'The setting is not valid',
    'preference.value.too_large': 'The setting is too large (at most {max} bytes)',
    'validation.bulk.duplicate': 'A record cannot be selected twice',
  },
});
