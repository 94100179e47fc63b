import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatRelativeTime, isIsoDateTime } from './format.ts';

describe('formatMoney: amounts with separators, 2 decimals, exact', () => {
  it('groups thousands in every locale (issue 11: ¥191196.00 read without separators)', () => {
    expect(formatMoney('191196.00')).toBe('191,196.00');
    expect(formatMoney('191196', 'zh-TW')).toBe('191,196.00');
    expect(formatMoney('191196.5', 'en-US')).toBe('191,196.50');
    expect(formatMoney('120000.00', 'zh-CN', { symbol: true })).toBe('¥120,000.00');
    expect(formatMoney('120000.00', 'en-US', { symbol: true })).toBe('¥120,000.00');
    expect(formatMoney('999.99')).toBe('999.99');
    expect(formatMoney(0)).toBe('0.00');
  });

  it('rounds half up once (THE money rule) and keeps negatives signed', () => {
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('1234.565')).toBe('1,234.57');
    expect(formatMoney('-1234.5')).toBe('-1,234.50');
    expect(formatMoney('-0.001')).toBe('0.00');
  });

  it('keeps every digit of the largest numeric(18,2) amount (no float conversion)', () => {
    expect(formatMoney('9999999999999999.99')).toBe('9,999,999,999,999,999.99');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999999999999999999n }), (cents) => {
        const s = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        const shown = formatMoney(s);
        // Removing the separators gives back the exact amount; groups are of three digits.
        expect(shown.replace(/,/g, '')).toBe(s);
        expect(shown).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
      }),
    );
  });

  it('shows a missing amount as empty and a non-amount as given (never throws while rendering)', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney('＊＊＊')).toBe('＊＊＊');
  });
});

describe('formatNumber: quantities', () => {
  it('groups and drops trailing zeros up to 4 decimals', () => {
    expect(formatNumber('12000.5000')).toBe('12,000.5');
    expect(formatNumber(30)).toBe('30');
    expect(formatNumber('0.1234')).toBe('0.1234');
  });
});

describe('formatDate / formatDateTime: the company calendar (Asia/Shanghai)', () => {
  it('shows instants in Beijing time, never as ISO strings', () => {
    // 2025-03-01 16:30 UTC is 2025-03-02 00:30 in Beijing: the date moves to the next day.
    expect(formatDateTime('2025-03-01T16:30:00.000Z')).toBe('2025-03-02 00:30');
    expect(formatDate('2025-03-01T16:30:00.000Z')).toBe('2025-03-02');
    expect(formatDateTime(new Date('2025-07-15T01:05:09Z'))).toBe('2025-07-15 09:05');
  });

  it('keeps date-only values as they are (no time-zone shift)', () => {
    expect(formatDate('2025-12-31')).toBe('2025-12-31');
  });

  it('returns empty for missing values and the input for unparseable ones', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('recognises the ISO instants the API sends', () => {
    expect(isIsoDateTime('2025-03-01T16:30:00.000Z')).toBe(true);
    expect(isIsoDateTime('2025-03-01T16:30:00+08:00')).toBe(true);
    expect(isIsoDateTime('2025-03-01')).toBe(false);
    expect(isIsoDateTime('front_desk')).toBe(false);
  });
});

describe('formatRelativeTime: how long ago, in the reader language', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it('reads naturally in zh-CN, zh-TW (traditional characters) and en-US', () => {
    expect(formatRelativeTime(ago(180), now, 'zh-CN')).toBe('3分钟前');
    expect(formatRelativeTime(ago(180), now, 'zh-TW')).toBe('3 分鐘前');
    expect(formatRelativeTime(ago(180), now, 'en-US')).toBe('3 minutes ago');
    expect(formatRelativeTime(ago(2 * 3600), now, 'en-US')).toBe('2 hours ago');
    expect(formatRelativeTime(ago(86400), now, 'zh-CN')).toBe('昨天');
    expect(formatRelativeTime(ago(86400), now, 'en-US')).toBe('yesterday');
    expect(formatRelativeTime(ago(-2 * 86400), now, 'en-US')).toBe('in 2 days');
    expect(formatRelativeTime(ago(400 * 86400), now, 'en-US')).toBe('last year');
  });

  it('says "now" under a minute', () => {
    expect(formatRelativeTime(ago(20), now, 'zh-CN')).toBe('现在');
    expect(formatRelativeTime(ago(20), now, 'en-US')).toBe('now');
  });
});
