import {
  QUOTE_ACTIONS,
  QUOTE_STATUSES,
  QUOTE_TRANSITIONS,
  type QuoteAction,
  type QuoteStatus,
  quoteActions,
  quoteApprovalNeeds,
} from '@sales/core';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { assertQuoteAction } from './quotes.state.ts';

const zh = { locale: 'zh-CN' as const };

/** The table the business agreed (SPEC 3.2), written out independently of the implementation. */
const EXPECTED: Record<QuoteStatus, Partial<Record<QuoteAction, QuoteStatus>>> = {
  draft: { edit: 'draft', submit: 'pending_approval', auto_approve: 'approved' },
  pending_approval: { approve: 'approved', return_to_draft: 'draft' },
  approved: { send: 'sent', revise: 'superseded', expire: 'expired' },
  sent: { accept: 'accepted', reject: 'rejected', revise: 'superseded', expire: 'expired' },
  accepted: { convert: 'converted', revise: 'superseded' },
  rejected: { revise: 'superseded' },
  expired: { revise: 'superseded' },
  superseded: {},
  converted: {},
};

describe('quote state table (every status × action)', () => {
  for (const status of QUOTE_STATUSES) {
    for (const action of QUOTE_ACTIONS) {
      const next = EXPECTED[status][action];
      if (next) {
        it(`${status} --${action}--> ${next}`, () => {
          expect(assertQuoteAction(zh, status, action)).toBe(next);
        });
      } else {
        it(`${status} refuses ${action} with a clear zh-CN error`, () => {
          let err: unknown;
          try {
            assertQuoteAction(zh, status, action);
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(ConflictError);
          const c = err as ConflictError;
          expect(c.status).toBe(409);
          expect(c.extra).toEqual({ status, action });
          const msg = translate('zh-CN', c.code, c.params);
          expect(msg).toBe(
            `报价单当前为“${translate('zh-CN', `quote.status.${status}`)}”状态，不能${translate('zh-CN', `quote.action.${action}`)}`,
          );
          expect(msg).not.toMatch(/[{}]|quote\./);
        });
      }
    }
  }

  it('the core table is exactly the agreed one', () => {
    expect(QUOTE_TRANSITIONS).toEqual(EXPECTED);
  });

  it('buttons: only user actions, only where the table allows them', () => {
    expect(quoteActions('draft')).toEqual(['edit', 'submit']);
    expect(quoteActions('pending_approval')).toEqual([]);
    expect(quoteActions('approved')).toEqual(['send', 'revise']);
    expect(quoteActions('sent')).toEqual(['accept', 'reject', 'revise']);
    expect(quoteActions('accepted')).toEqual(['revise', 'convert']);
    expect(quoteActions('superseded')).toEqual([]);
    expect(quoteActions('converted')).toEqual([]);
  });

  it('sample messages read naturally', () => {
    expect(() => assertQuoteAction(zh, 'pending_approval', 'edit')).toThrow();
    const e = (() => {
      try {
        assertQuoteAction(zh, 'pending_approval', 'edit');
      } catch (x) {
        return x as ConflictError;
      }
    })() as ConflictError;
    expect(translate('zh-CN', e.code, e.params)).toBe('报价单当前为“审批中”状态，不能修改');
  });
});

describe('approval needs (SPEC 3.2)', () => {
  const exceptions = { mode: 'exceptions' as const, repDiscountLimitPercent: '5.00' };
  it('a line whose effective price is below the floor needs approval', () => {
    // 100 × (1 − 20.01%) = 79.99 < 80
    expect(
      quoteApprovalNeeds([{ unitPrice: '100.00', discountPercent: '20.01', floorPrice: '80.00' }], {
        ...exceptions,
        repDiscountLimitPercent: '50',
      }),
    ).toMatchObject({
      belowFloor: true,
      discountOverLimit: false,
      reasons: ['below_floor'],
      needsApproval: true,
    });
    // exactly at the floor is fine
    expect(
      quoteApprovalNeeds([{ unitPrice: '100.00', discountPercent: '20', floorPrice: '80.00' }], {
        ...exceptions,
        repDiscountLimitPercent: '50',
      }).needsApproval,
    ).toBe(false);
  });
  it('a discount over the rep limit needs approval; at the limit it does not', () => {
    expect(
      quoteApprovalNeeds([{ unitPrice: '100', discountPercent: '5.01', floorPrice: '1' }], exceptions),
    ).toMatchObject({ discountOverLimit: true, maxDiscountPercent: '5.01', reasons: ['discount_over_limit'] });
    expect(
      quoteApprovalNeeds([{ unitPrice: '100', discountPercent: '5', floorPrice: '1' }], exceptions).needsApproval,
    ).toBe(false);
  });
  it("mode 'all' always needs approval", () => {
    expect(
      quoteApprovalNeeds([{ unitPrice: '100', discountPercent: '0', floorPrice: null }], {
        mode: 'all',
        repDiscountLimitPercent: '5',
      }),
    ).toMatchObject({ reasons: ['policy_all'], needsApproval: true });
  });
});
