import { registerMessages } from '../../platform/i18n/messages.ts';

/** Error texts of the customer-development rules (zh-CN first). */
registerMessages({
  'zh-CN': {
    'validation.phone.lead_required': '来电客户必须留下有效的联系电话',
  },
  'zh-TW': {
    'validation.phone.lead_required': '來電客戶必須留下有效的聯絡電話',
  },
  'en-US': {
    'validation.phone.lead_required': 'A phone lead needs a valid phone number',
  },
});
