import { registerMessages } from '../i18n/messages.ts';

/** Texts of personal API tokens (SPEC 1.11). */
registerMessages({
  'zh-CN': {
    'auth.token_invalid': 'API 令牌无效、已过期或已被撤销',
    'apitoken.session_required': '请登录后在「API 令牌」页面创建令牌：令牌不能用来创建新的令牌',
    'apitoken.expiry_past': '到期日期不能早于今天',
    'apitoken.too_many': '每位用户最多可有 {max} 个有效令牌，请先撤销不再使用的令牌',
  },
  'zh-TW': {
    'auth.token_invalid': 'API 權杖無效、已過期或已被撤銷',
    'apitoken.session_required': '請登入後在「API 權杖」頁面建立權杖：權杖不能用來建立新的權杖',
    'apitoken.expiry_past': '到期日期不能早於今天',
    'apitoken.too_many': '每位使用者最多可有 {max} 個有效權杖，請先撤銷不再使用的權杖',
  },
  'en-US': {
    'auth.token_invalid': 'The API token is invalid, expired or revoked',
    'apitoken.session_required': 'Sign in and create tokens on the "API tokens" page: a token cannot create tokens',
    'apitoken.expiry_past': 'The expiry date cannot be before today',
    'apitoken.too_many': 'A user may hold at most {max} active tokens; revoke the ones no longer used first',
  },
});
