/**
 * Dictionary codes shared by server and web. Codes are stable identifiers
 * stored in the database; display labels live in the web locale files
 * (REGION_NAMES_ZH is the exception: the official Chinese names).
 */

export const CUSTOMER_KINDS = ['company', 'individual'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'KEY'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

/**
 * phone 来电, walk_in 来店/来访, exhibition 展会, online 线上, referral 推荐,
 * conference 会销, outdoor 户外活动, other 其他.
 */
export const SOURCE_CHANNELS = [
  'phone',
  'walk_in',
  'exhibition',
  'online',
  'referral',
  'conference',
  'outdoor',
  'other',
] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/**
 * call 电话, visit 拜访, sms 短信, email 邮件, wechat 微信, meeting 会议,
 * test_drive 试驾/试用, site_visit 现场考察, collection 催收 (chasing an open invoice, issue 11).
 */
export const FOLLOW_UP_TYPES = [
  'call',
  'visit',
  'sms',
  'email',
  'wechat',
  'meeting',
  'test_drive',
  'site_visit',
  'collection',
] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

/** positive 积极, neutral 一般, negative 消极, no_answer 未接通. */
export const FOLLOW_UP_OUTCOMES = ['positive', 'neutral', 'negative', 'no_answer'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * Coarse industry codes, loosely after the sections of GB/T 4754-2017
 * (国民经济行业分类).
 */
export const INDUSTRIES = [
  'manufacturing', // 制造业
  'retail', // 批发和零售业
  'medical', // 卫生和医疗
  'food', // 食品和餐饮
  'automotive', // 汽车
  'real_estate', // 房地产业
  'it', // 信息传输、软件和信息技术服务业
  'construction', // 建筑业
  'logistics', // 交通运输、仓储和物流
  'education', // 教育
  'finance', // 金融业
  'energy', // 电力、热力、燃气及能源
  'agriculture', // 农、林、牧、渔业
  'government', // 公共管理和社会组织
  'other', // 其他
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/**
 * The 34 province-level divisions, GB/T 2260 six-digit codes
 * (中华人民共和国行政区划代码).
 */
export const REGIONS = [
  '110000',
  '120000',
  '130000',
  '140000',
  '150000',
  '210000',
  '220000',
  '230000',
  '310000',
  '320000',
  '330000',
  '340000',
  '350000',
  '360000',
  '370000',
  '410000',
  '420000',
  '430000',
  '440000',
  '450000',
  '460000',
  '500000',
  '510000',
  '520000',
  '530000',
  '540000',
  '610000',
  '620000',
  '630000',
  '640000',
  '650000',
  '710000',
  '810000',
  '820000',
] as const;
export type RegionCode = (typeof REGIONS)[number];

/** Official Chinese names of the province-level divisions (GB/T 2260). */
export const REGION_NAMES_ZH: Readonly<Record<RegionCode, string>> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '320000': '江苏省',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
  '710000': '台湾省',
  '810000': '香港特别行政区',
  '820000': '澳门特别行政区',
};

/** Type guard for membership in one of the dictionaries above. */
export function isOneOf<T extends string>(values: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (values as readonly string[]).includes(x);
}

// Customer attributes for invitations and one-to-one follow-up (seed 001 客户邀约管理: 性别、年龄、
// 职业、兴趣爱好、购买意向).

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** 企业主, 企业高管, 专业人士 (医生/律师/教师…), 公务员/事业单位, 职员, 个体经营, 自由职业, 退休, 学生, 其他. */
export const OCCUPATIONS = [
  'business_owner',
  'executive',
  'professional',
  'civil_servant',
  'employee',
  'self_employed',
  'freelancer',
  'retired',
  'student',
  'other',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** 养生保健, 旅游, 摄影, 高尔夫, 茶艺, 书画, 投资理财, 汽车, 美食, 运动健身, 读书, 音乐. */
export const INTERESTS = [
  'health',
  'travel',
  'photography',
  'golf',
  'tea',
  'calligraphy',
  'investment',
  'cars',
  'food',
  'fitness',
  'reading',
  'music',
] as const;
export type Interest = (typeof INTERESTS)[number];

/** 购买意向: 高 / 中 / 低 / 无. */
export const PURCHASE_INTENTS = ['high', 'medium', 'low', 'none'] as const;
export type PurchaseIntent = (typeof PURCHASE_INTENTS)[number];
