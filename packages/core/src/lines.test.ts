import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentTotals, effectiveUnitPrice, formatAttributes, lineAmounts, lineAttributes } from './lines.ts';

/**
 * Independent oracle for the SPEC 3.2 line rule, in integer fen with BigInt (no decimal library):
 *   net = round(qty × unitPrice × (1 − discount%)), tax = round(net × rate%), gross = net + tax,
 * rounding half up (all values are non-negative), totals = sums of rounded lines.
 */
const pow10 = (n: number) => 10n ** BigInt(n);

/** A non-negative decimal string → integer scaled by 10^scale (exact; refuses more places). */
function scaled(v: string, scale: number): bigint {
  const [int, frac = ''] = v.split('.');
  if (frac.length > scale) throw new Error(`too many places: ${v}`);
  return BigInt(int) * pow10(scale) + BigInt(frac.padEnd(scale, '0') || '0');
}

/** round(n / d) half up for n ≥ 0, d > 0. */
const roundDiv = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

const fen = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

interface OracleLine {
  net: bigint;
  tax: bigint;
  gross: bigint;
  discount: bigint;
}

function oracleLine(qty: string, unitPrice: string, discountPercent: string, taxRate: string): OracleLine {
  const q = scaled(qty, 4); // qty × 10^4
  const p = scaled(unitPrice, 2); // fen
  const keep = 10000n - scaled(discountPercent, 2); // (100 − d%) × 100
  const r = scaled(taxRate, 2); // rate% × 100
  // qty × price(yuan) × (1 − d%) in fen = q/10^4 × p × keep/10^4
  const net = roundDiv(q * p * keep, pow10(8));
  const full = roundDiv(q * p, pow10(4));
  const tax = roundDiv(net * r, pow10(4));
  return { net, tax, gross: net + tax, discount: full - net };
}

/** A decimal string with up to `places` decimals, written in varied but valid forms ("12", "12.5", "12.50"). */
const decimalString = (maxScaled: bigint, places: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: maxScaled }), fc.integer({ min: 0, max: places })).map(([v, shown]) => {
    const int = v / pow10(places);
    const frac = String(v % pow10(places)).padStart(places, '0');
    // Drop trailing zeros only (never significant digits), down to `shown` places.
    let f = frac;
    while (f.length > shown && f.endsWith('0')) f = f.slice(0, -1);
    return f.length ? `${int}.${f}` : String(int);
  });

const qtyArb = decimalString(100_000_000n, 4).filter((q) => scaled(q, 4) > 0n); // up to 10 000.0000
const priceArb = fc.oneof(decimalString(100_000n, 2), decimalString(1_000_000_000n, 2)); // up to ¥10 000 000.00
const discountArb = fc.oneof(fc.constant('0'), decimalString(10_000n, 2)); // 0–100 %, 2 places
const taxArb = fc.constantFrom('13', '9', '6', '0', '13.00', '9.00', '6.00', '0.00');
const lineArb = fc.record({ qty: qtyArb, unitPrice: priceArb, discountPercent: discountArb, taxRate: taxArb });

describe('priced lines against a BigInt fen oracle (SPEC 3.2 money rule)', () => {
  it('every line: net, tax, gross and discount to the cent; gross = net + tax', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const a = lineAmounts(l);
        const o = oracleLine(l.qty, l.unitPrice, l.discountPercent, l.taxRate);
        expect(a.netAmount).toBe(fen(o.net));
        expect(a.taxAmount).toBe(fen(o.tax));
        expect(a.grossAmount).toBe(fen(o.gross));
        expect(a.discountAmount).toBe(fen(o.discount));
        expect(scaled(a.grossAmount, 2)).toBe(scaled(a.netAmount, 2) + scaled(a.taxAmount, 2));
      }),
      { numRuns: 3000 },
    );
  });

  it('document totals are the sums of the rounded lines; totalGross = totalNet + totalTax', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 30 }), (lines) => {
        const t = documentTotals(lines.map(lineAmounts));
        const o = lines.map((l) => oracleLine(l.qty, l.unitPrice, l.discountPercent, l.taxRate));
        const sum = (k: keyof OracleLine) => o.reduce((acc, x) => acc + x[k], 0n);
        expect(t.totalNet).toBe(fen(sum('net')));
        expect(t.totalTax).toBe(fen(sum('tax')));
        expect(t.totalGross).toBe(fen(sum('gross')));
        expect(t.discountTotal).toBe(fen(sum('discount')));
        expect(scaled(t.totalGross, 2)).toBe(scaled(t.totalNet, 2) + scaled(t.totalTax, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('the effective unit price compared with the floor is exact (unrounded)', () => {
    fc.assert(
      fc.property(priceArb, discountArb, (unitPrice, discountPercent) => {
        // unitPrice × (100 − d) / 100 in units of 10^-6 yuan: always an integer there.
        const exact = scaled(unitPrice, 2) * (10000n - scaled(discountPercent, 2));
        expect(scaled(effectiveUnitPrice({ unitPrice, discountPercent }).toFixed(6), 6)).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('known examples', () => {
  it.each([
    // qty, price, discount %, rate %, net, tax, gross, discount
    ['3', '33.33', '0', '13.00', '99.99', '13.00', '112.99', '0.00'],
    ['2.3333', '199.99', '12.5', '9.00', '408.31', '36.75', '445.06', '58.33'],
    ['7', '0.07', '33.33', '6.00', '0.33', '0.02', '0.35', '0.16'],
    ['1.5', '0.01', '0', '13.00', '0.02', '0.00', '0.02', '0.00'],
    ['10000', '9999999.99', '0.01', '13.00', '99989999900.01', '12998699987.00', '112988699887.01', '9999999.99'],
    ['5', '100.00', '100', '13.00', '0.00', '0.00', '0.00', '500.00'],
  ])(
    '%s × ¥%s − %s%% @ %s%% → net %s, tax %s, gross %s',
    (qty, unitPrice, discountPercent, taxRate, net, tax, gross, disc) => {
      expect(lineAmounts({ qty, unitPrice, discountPercent, taxRate })).toEqual({
        netAmount: net,
        taxAmount: tax,
        grossAmount: gross,
        discountAmount: disc,
      });
    },
  );

  it('a document of the examples totals exactly', () => {
    const t = documentTotals([
      lineAmounts({ qty: '3', unitPrice: '33.33', discountPercent: '0', taxRate: '13.00' }),
      lineAmounts({ qty: '2.3333', unitPrice: '199.99', discountPercent: '12.5', taxRate: '9.00' }),
      lineAmounts({ qty: '7', unitPrice: '0.07', discountPercent: '33.33', taxRate: '6.00' }),
    ]);
    expect(t).toEqual({ totalNet: '508.63', totalTax: '49.77', totalGross: '558.40', discountTotal: '58.49' });
  });
});

describe('line attributes (SPEC 2.8 variant attributes carried onto lines)', () => {
  it('the entered values override the product, a blank entered value removes one', () => {
    expect(lineAttributes({ 品牌: '华东智造', 产地: '苏州' }, { 颜色: ' 白 ', 产地: '', ' ': 'x' })).toEqual({
      品牌: '华东智造',
      颜色: '白',
    });
    expect(lineAttributes(null, undefined)).toEqual({});
  });

  it('prints as label:value pairs', () => {
    expect(formatAttributes({ 品牌: '华东智造', 颜色: '白', 尺码: '' })).toBe('品牌:华东智造 颜色:白');
    expect(formatAttributes({})).toBe('');
  });
});
