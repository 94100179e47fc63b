import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizePhone, toHalfWidth, toSimplified } from './normalize.ts';

describe('toHalfWidth', () => {
  it('maps U+FF01–U+FF5E to ASCII and U+3000 to a space', () => {
    expect(toHalfWidth('ＡＢＣ１２３！～　ｘ')).toBe('ABC123!~ x');
    expect(toHalfWidth('\uff01\uff5e')).toBe('!~');
  });

  it('maps the full-width comma (U+FF0C) but leaves CJK text and CJK punctuation alone', () => {
    expect(toHalfWidth('杭州，明达、有限。【科技】')).toBe('杭州,明达、有限。【科技】');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['013812345678', '13812345678'],
    ['(138) 1234.5678', '13812345678'],
    ['１３８－１２３４－５６７８', '13812345678'],
    ['010-12345678', '01012345678'],
    ['(0571) 8888 6666', '057188886666'],
    ['+86 10 1234 5678', '01012345678'],
    ['0086 571 8888 6666', '057188886666'],
    ['86123456', '86123456'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(normalizePhone(input)).toBe(out);
  });
});

describe('normalizeCompanyName', () => {
  const key = '杭州明达科技';

  it.each([
    '杭州明达科技有限公司',
    '杭州明达科技股份有限公司',
    '杭州明达科技有限责任公司',
    '杭州明达科技股份公司',
    '杭州明达科技公司',
    '杭州明达科技（有限公司）',
    '杭州明达科技(有限公司)',
    '杭州明达科技 有限 公司',
    '　杭州明达科技有限公司　',
    '杭州·明达科技【有限公司】',
    '杭州明达科技有限公司有限公司',
  ])('%j → 杭州明达科技', (name) => {
    expect(normalizeCompanyName(name)).toBe(key);
  });

  it('lower-cases and folds full-width Latin', () => {
    expect(normalizeCompanyName('ＡＢＣ 科技有限公司')).toBe('abc科技');
    expect(normalizeCompanyName('ABC-Tech_Co., Ltd.')).toBe('abctechcoltd');
  });

  it('keeps 集团 and branch suffixes', () => {
    expect(normalizeCompanyName('明达集团有限公司')).toBe('明达集团');
    expect(normalizeCompanyName('明达集团公司')).toBe('明达集团');
    expect(normalizeCompanyName('杭州明达科技有限公司上海分公司')).toBe('杭州明达科技有限公司上海分公司');
  });

  it('does not strip a name down to nothing', () => {
    expect(normalizeCompanyName('有限公司')).toBe('有限公司');
    expect(normalizeCompanyName('')).toBe('');
  });
});

describe('traditional and simplified company names (SPEC 2.3 查重)', () => {
  it('maps traditional characters to simplified', () => {
    expect(toSimplified('上海華為技術有限公司')).toBe('上海华为技术有限公司');
    expect(toSimplified('臺灣衞生綫')).toBe('台湾卫生线');
  });

  it.each([
    ['上海華為技術有限公司', '上海华为技术'],
    ['上海华为技术', '上海华为技术'],
    ['上海華為技術有限責任公司', '上海华为技术'],
    ['深圳市騰訊計算機系統有限公司', '深圳市腾讯计算机系统'],
    ['臺北明達科技股份有限公司', '台北明达科技'],
  ])('%j → %j', (name, key) => {
    expect(normalizeCompanyName(name)).toBe(key);
  });

  it('gives the same key to the traditional and simplified forms of one name', () => {
    expect(normalizeCompanyName('上海華為技術有限公司')).toBe(normalizeCompanyName('上海华为技术'));
    expect(normalizeCompanyName('廣州發展集團有限公司')).toBe(normalizeCompanyName('广州发展集团有限公司'));
  });

  it('is stable on a key it produced', () => {
    for (const n of ['上海華為技術有限公司', '乾坤科技有限公司', '著名品牌公司']) {
      const key = normalizeCompanyName(n);
      expect(normalizeCompanyName(key)).toBe(key);
    }
  });
});
