import { describe, expect, it } from 'vitest';
import { maskAddress, maskEmail, maskIdNumber, maskPhone } from './mask.ts';

describe('maskPhone', () => {
  it('keeps first 3 and last 4 of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps first 3 and last 2 of a landline', () => {
    expect(maskPhone('010-12345678')).toBe('010******78');
    expect(maskPhone('0571-88886666')).toBe('057*******66');
  });

  it('handles short input and null/undefined', () => {
    expect(maskPhone('110')).toBe('1**');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeUndefined();
  });
});

describe('maskIdNumber', () => {
  it('keeps first 3 and last 4', () => {
    expect(maskIdNumber('110101199003074514')).toBe('110***********4514');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeUndefined();
  });
});

describe('maskAddress', () => {
  it('keeps the first 6 characters', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路90号')).toBe('浙江省杭州市****');
    expect(maskAddress('北京市朝阳区建')).toBe('北京市朝阳区****');
  });

  it('keeps the first 2 characters of short addresses', () => {
    expect(maskAddress('北京市朝阳区')).toBe('北京****');
    expect(maskAddress('上海')).toBe('上海****');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(maskAddress('𠀀𠀁𠀂𠀃𠀄𠀅𠀆')).toBe('𠀀𠀁𠀂𠀃𠀄𠀅****');
  });

  it('passes null/undefined through', () => {
    expect(maskAddress(null)).toBeNull();
    expect(maskAddress(undefined)).toBeUndefined();
    expect(maskAddress('')).toBe('');
  });
});

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('zhang.san@x.cn')).toBe('z***@x.cn');
    expect(maskEmail('a@example.com')).toBe('a***@example.com');
    expect(maskEmail('not-an-email')).toBe('n***');
    expect(maskEmail(null)).toBeNull();
    expect(maskEmail(undefined)).toBeUndefined();
  });
});
