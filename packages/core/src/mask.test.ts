import { describe, expect, it } from 'vitest';
import { formatYuan } from './contracts.ts';
import { maskAddress, maskAmountsInText, maskEmail, maskIdNumber, maskPhone, PRICE_MASK } from './mask.ts';
import { amountInWords } from './money.ts';

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

describe('maskAmountsInText', () => {
  it('masks amounts in figures and in capitals, and nothing else', () => {
    const body =
      '合同编号：HT-20260101-0001\n合同金额：¥1,234,567.89（大写：壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分）\n违约金为合同金额的20%，单价（元）以附件为准。';
    expect(maskAmountsInText(body)).toBe(
      '合同编号：HT-20260101-0001\n合同金额：＊＊＊（大写：＊＊＊）\n违约金为合同金额的20%，单价（元）以附件为准。',
    );
  });

  it('masks every form amountInWords and formatYuan produce', () => {
    for (const v of ['0', '0.05', '0.5', '1680.32', '100000.07', '100000000', '-12.30', '99999999.99']) {
      const text = `金额 ${formatYuan(v)}，大写 ${amountInWords(v)}。`;
      expect(maskAmountsInText(text), v).toBe(`金额 ${PRICE_MASK}，大写 ${PRICE_MASK}。`);
    }
    expect(maskAmountsInText('预付 ￥30000 元')).toBe(`预付 ${PRICE_MASK} 元`);
  });
});
