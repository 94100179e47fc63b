import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizePhone, toHalfWidth } from './normalize.ts';

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
