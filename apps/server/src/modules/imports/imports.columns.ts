import { toHalfWidth } from '@sales/core';
import type { Locale } from '../../platform/i18n/locale.ts';
import { DICTIONARY_LABELS } from './imports.dictionaries.ts';

/** The fields a customer import fills: the customer's own, its owner, and one contact. */
export const CUSTOMER_IMPORT_FIELDS = [
  'name',
  'kind',
  'creditCode',
  'idNumber',
  'mobile',
  'phone',
  'email',
  'address',
  'region',
  'industry',
  'source',
  'class',
  'tags',
  'remark',
  'gender',
  'birthDate',
  'occupation',
  'interests',
  'purchaseIntent',
  'owner',
  'contactName',
  'contactTitle',
  'contactMobile',
  'contactEmail',
  'contactWechat',
] as const;
export type CustomerImportField = (typeof CUSTOMER_IMPORT_FIELDS)[number];

/** The template's header per field, per language (the downloadable template uses these). */
export const TEMPLATE_HEADERS: Record<Locale, Record<CustomerImportField, string>> = {
  'zh-CN': {
    name: '客户名称',
    kind: '类型',
    creditCode: '统一社会信用代码',
    idNumber: '身份证号',
    mobile: '手机',
    phone: '电话',
    email: '邮箱',
    address: '地址',
    region: '地区',
    industry: '行业',
    source: '来源',
    class: '客户分类',
    tags: '标签',
    remark: '备注',
    gender: '性别',
    birthDate: '出生日期',
    occupation: '职业',
    interests: '兴趣爱好',
    purchaseIntent: '购买意向',
    owner: '负责人',
    contactName: '联系人',
    contactTitle: '联系人职务',
    contactMobile: '联系人手机',
    contactEmail: '联系人邮箱',
    contactWechat: '联系人微信',
  },
  'zh-TW': {
    name: '客戶名稱',
    kind: '類型',
    creditCode: '統一社會信用代碼',
    idNumber: '身分證號',
    mobile: '手機',
    phone: '電話',
    email: '郵箱',
    address: '地址',
    region: '地區',
    industry: '行業',
    source: '來源',
    class: '客戶分類',
    tags: '標籤',
    remark: '備註',
    gender: '性別',
    birthDate: '出生日期',
    occupation: '職業',
    interests: '興趣愛好',
    purchaseIntent: '購買意向',
    owner: '負責人',
    contactName: '聯絡人',
    contactTitle: '聯絡人職務',
    contactMobile: '聯絡人手機',
    contactEmail: '聯絡人郵箱',
    contactWechat: '聯絡人微信',
  },
  'en-US': {
    name: 'Name',
    kind: 'Kind',
    creditCode: 'Credit code',
    idNumber: 'ID number',
    mobile: 'Mobile',
    phone: 'Phone',
    email: 'E-mail',
    address: 'Address',
    region: 'Region',
    industry: 'Industry',
    source: 'Source',
    class: 'Class',
    tags: 'Tags',
    remark: 'Remark',
    gender: 'Gender',
    birthDate: 'Birth date',
    occupation: 'Occupation',
    interests: 'Interests',
    purchaseIntent: 'Purchase intent',
    owner: 'Owner',
    contactName: 'Contact',
    contactTitle: 'Contact title',
    contactMobile: 'Contact mobile',
    contactEmail: 'Contact e-mail',
    contactWechat: 'Contact WeChat',
  },
};

// Other headers companies' own sheets (and our customer export) use for the same field.
const SYNONYMS: Partial<Record<CustomerImportField, string[]>> = {
  name: ['客户', '公司名称', '单位名称', '企业名称', '名称', '客户全称'],
  kind: ['客户类型', '客户性质'],
  creditCode: ['信用代码', '社会信用代码', '税号', '纳税人识别号'],
  idNumber: ['身份证', '身份证号码'],
  mobile: ['手机号', '手机号码', '移动电话'],
  phone: ['座机', '固定电话', '联系电话', '办公电话'],
  email: ['电子邮箱', '邮件', 'email'],
  address: ['详细地址', '联系地址', '公司地址'],
  region: ['省份', '所在地区', '区域'],
  industry: ['所属行业'],
  source: ['来源渠道', '客户来源', '渠道'],
  class: ['等级', '客户等级', '客户级别', '分类'],
  remark: ['说明', '备注信息'],
  gender: ['性別'],
  birthDate: ['生日', '出生年月日', '出生年月'],
  occupation: ['職業', '工作'],
  interests: ['兴趣', '爱好', '興趣', '愛好'],
  purchaseIntent: ['意向', '购买意愿', '意向等级'],
  owner: ['业务员', '销售', '客户经理', '跟进人'],
  contactName: ['联系人姓名', '联系人名称'],
  contactTitle: ['职务', '职位'],
  contactMobile: ['联系人电话'],
  contactEmail: [],
  contactWechat: ['微信', '微信号'],
};

/** A header cell reduced to what identifies it: half-width, no spaces or marks, lower-case. */
export function headerKey(h: string): string {
  return toHalfWidth(h)
    .replace(/[\s*＊:：()（）]/g, '')
    .toLowerCase();
}

const HEADER_INDEX = new Map<string, CustomerImportField>();
for (const f of CUSTOMER_IMPORT_FIELDS) {
  for (const loc of Object.keys(TEMPLATE_HEADERS) as Locale[]) HEADER_INDEX.set(headerKey(TEMPLATE_HEADERS[loc][f]), f);
  for (const s of SYNONYMS[f] ?? []) HEADER_INDEX.set(headerKey(s), f);
  HEADER_INDEX.set(headerKey(f), f);
}

/**
 * The mapping the import proposes for a sheet's headers: a remembered mapping first (the user's
 * own choice for this template), then the recognised Chinese / English headers; each field once.
 */
export function suggestMapping(
  headers: string[],
  remembered: Record<string, string | null> = {},
): Record<string, CustomerImportField | null> {
  const out: Record<string, CustomerImportField | null> = {};
  const used = new Set<string>();
  for (const h of headers) {
    const r = remembered[h];
    const f =
      r !== undefined && (r === null || (CUSTOMER_IMPORT_FIELDS as readonly string[]).includes(r))
        ? (r as CustomerImportField | null)
        : (HEADER_INDEX.get(headerKey(h)) ?? null);
    out[h] = f && !used.has(f) ? f : null;
    if (f) used.add(f);
  }
  return out;
}

const DICT_INDEX = new Map<string, Map<string, string>>();
for (const [dict, codes] of Object.entries(DICTIONARY_LABELS)) {
  const m = new Map<string, string>();
  for (const [code, labels] of Object.entries(codes)) {
    m.set(headerKey(code), code);
    for (const l of labels) m.set(headerKey(l), code);
  }
  DICT_INDEX.set(dict, m);
}
// Plain letters for the class (A/B/C) and the usual words for a kind.
for (const [k, v] of [
  ['公司', 'company'],
  ['单位', 'company'],
  ['企业客户', 'company'],
  ['个人客户', 'individual'],
])
  DICT_INDEX.get('kind')?.set(headerKey(k), v);
DICT_INDEX.get('class')?.set(headerKey('重点'), 'KEY');
DICT_INDEX.get('gender')?.set(headerKey('先生'), 'male');
DICT_INDEX.get('gender')?.set(headerKey('女士'), 'female');

/** The code a typed dictionary value stands for (a code or a label in any language), or undefined. */
export type ImportDictionary =
  | 'kind'
  | 'class'
  | 'source'
  | 'industry'
  | 'region'
  | 'gender'
  | 'occupation'
  | 'interest'
  | 'purchaseIntent';
export function dictionaryCode(dict: ImportDictionary, value: string) {
  return DICT_INDEX.get(dict)?.get(headerKey(value));
}
