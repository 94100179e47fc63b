/** Valid, unique Chinese identifiers for demo data (check characters from @sales/core). */
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, idNumberCheckChar } from '@sales/core';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './dictionaries.ts';
import type { Rng } from './rng.ts';

// Demo mobiles use 13x/15x/17x/18x; the large seed uses 19x, so the two never collide.
const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '158',
  '159',
  '176',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
];

export class Identifiers {
  private used = new Set<string>();
  constructor(private rng: Rng) {}

  /** Values already taken elsewhere (e.g. the users' mobiles). */
  reserve(values: Iterable<string>): void {
    for (const v of values) this.used.add(v);
  }

  private unique(make: () => string): string {
    for (;;) {
      const v = make();
      if (!this.used.has(v)) {
        this.used.add(v);
        return v;
      }
    }
  }

  mobile(): string {
    return this.unique(() => this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8));
  }

  /**
   * 统一社会信用代码 (GB 32100-2015): registration authority + kind ('91' enterprise, '12'
   * public institution), the 6-digit region code, a 9-character organisation code ('MA…' as
   * issued since 2015; the large seed uses all-digit ones) and the check character.
   */
  creditCode(kind: '91' | '12', districtCode: string): string {
    const letters = CREDIT_CODE_CHARSET;
    return this.unique(() => {
      let org = 'MA';
      for (let i = 0; i < 7; i++) org += this.rng.pick(letters.split(''));
      const body = kind + districtCode + org;
      return body + creditCodeCheckChar(body);
    });
  }

  /**
   * 公民身份号码 (GB 11643-1999): address code, birth date, sequence (odd = male; the demo uses
   * 001–499, the large seed 500–999) and the check character.
   */
  idNumber(districtCode: string, male: boolean, birthYearFrom = 1960, birthYearTo = 2000): string {
    return this.unique(() => {
      const y = this.rng.int(birthYearFrom, birthYearTo);
      const m = this.rng.int(1, 12);
      const d = this.rng.int(1, 28);
      let seq = this.rng.int(1, 499);
      if ((seq % 2 === 1) !== male) seq = seq === 499 ? 498 : seq + 1;
      const body = `${districtCode}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
      return body + idNumberCheckChar(body);
    });
  }
}

export function personName(rng: Rng, male = rng.chance(0.55)): { name: string; male: boolean } {
  return { name: rng.pick(SURNAMES) + rng.pick(male ? MALE_GIVEN : FEMALE_GIVEN), male };
}
