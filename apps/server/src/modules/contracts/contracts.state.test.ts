import {
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  CONTRACT_TRANSITIONS,
  checkPaymentPlan,
  contractActions,
  nextContractStatus,
  renderContractBody,
} from '@sales/core';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../platform/errors/errors.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { riskFlags } from './contracts.queries.ts';
import { requiredBeforeSigning } from './contracts.sign.ts';
import { assertContractAction } from './contracts.state.ts';

// The whole table, written out: every (status, action) pair not listed here must be refused.
const EXPECTED: Record<string, string> = {
  'draft.edit': 'draft',
  'draft.submit': 'in_review',
  'in_review.approve': 'approved',
  'in_review.return_to_draft': 'draft',
  'approved.sign': 'signed',
  'signed.amend': 'signed',
  'signed.complete': 'completed',
  'signed.terminate': 'terminated',
  'signed.order': 'signed',
};

describe('contract state table', () => {
  it('allows exactly the listed transitions and refuses every other pair', () => {
    for (const s of CONTRACT_STATUSES) {
      for (const a of CONTRACT_ACTIONS) {
        expect(nextContractStatus(s, a), `${s}.${a}`).toBe(EXPECTED[`${s}.${a}`] ?? null);
      }
    }
  });
  it('completed and terminated are final; actions per status match the table', () => {
    expect(contractActions('completed')).toEqual([]);
    expect(contractActions('terminated')).toEqual([]);
    for (const s of CONTRACT_STATUSES) expect(contractActions(s)).toEqual(Object.keys(CONTRACT_TRANSITIONS[s]));
  });
});

describe('assertContractAction (the guard every use case calls)', () => {
  it('returns the next status, or refuses naming status and action by their labels in each locale', () => {
    expect(assertContractAction({ locale: 'zh-CN' }, 'signed', 'order')).toBe('signed');
    let e: unknown;
    try {
      assertContractAction({ locale: 'zh-CN' }, 'in_review', 'edit');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ConflictError);
    const c = e as ConflictError;
    expect(translate('zh-CN', c.code, c.params)).toBe('合同当前状态（评审中）不允许此操作（编辑）');
    expect(c.extra).toEqual({ status: 'in_review', action: 'edit' });
    for (const locale of ['zh-CN', 'zh-TW', 'en-US'] as const) {
      for (const s of CONTRACT_STATUSES) expect(translate(locale, `contract.status.${s}`)).not.toMatch(/^contract\./);
      for (const a of CONTRACT_ACTIONS) expect(translate(locale, `contract.action.${a}`)).not.toMatch(/^contract\./);
    }
    expect(() => assertContractAction({ locale: 'en-US' }, 'completed', 'terminate')).toThrow(ConflictError);
  });
});

describe('payment plan check (回款计划 = 合同金额)', () => {
  it('accepts a plan summing exactly to the amount with non-decreasing dates', () => {
    expect(
      checkPaymentPlan(
        [
          { dueDate: '2026-01-01', amount: '30000.00' },
          { dueDate: '2026-01-01', amount: '70000' },
        ],
        '100000.00',
      ),
    ).toEqual([]);
  });
  it('names the difference when the sum is off by a cent', () => {
    expect(checkPaymentPlan([{ dueDate: '2026-01-01', amount: '99999.99' }], '100000')).toEqual([
      {
        field: 'paymentPlan',
        code: 'contract.plan.sum',
        params: { sum: '¥99,999.99', amount: '¥100,000.00', diff: '¥0.01' },
      },
    ]);
  });
  it('flags a due date earlier than the previous one', () => {
    const issues = checkPaymentPlan(
      [
        { dueDate: '2026-03-01', amount: '1' },
        { dueDate: '2026-02-01', amount: '1' },
      ],
      '2',
    );
    expect(issues).toEqual([
      { field: 'paymentPlan.1.dueDate', code: 'contract.plan.date_order', params: { prev: '2026-03-01' } },
    ]);
  });
});

describe('template merge fields', () => {
  it('fills known fields and leaves unknown placeholders alone', () => {
    expect(
      renderContractBody('甲方与{{customerName}}签订{{contractNo}}，金额{{amount}}（{{amountInWords}}）{{other}}', {
        customerName: '某公司',
        contractNo: 'HT1',
        amount: '¥1.00',
        amountInWords: '壹元整',
      }),
    ).toBe('甲方与某公司签订HT1，金额¥1.00（壹元整）{{other}}');
  });
});

describe('risk flags and the down-payment rule', () => {
  it('flags overdue instalments and an amount over the credit limit', () => {
    const plan = [
      { dueDate: '2026-01-01', amount: '100.00', receivedAmount: '40.00' },
      { dueDate: '2026-01-10', amount: '100.00', receivedAmount: '100.00' },
      { dueDate: '2026-02-01', amount: '100.00', receivedAmount: '0' },
    ];
    expect(riskFlags('300.00', '200.00', plan, '2026-01-15')).toEqual([
      { code: 'instalment_overdue', params: { count: 1, amount: '60.00' } },
      { code: 'over_credit_limit', params: { creditLimit: '200.00', amount: '300.00' } },
    ]);
    expect(riskFlags('300.00', null, plan, '2025-12-31')).toEqual([]);
  });
  it('needs the deposit and down payment items, or the whole amount when the plan has none', () => {
    expect(
      requiredBeforeSigning('1000', [
        { kind: 'deposit', amount: '100' },
        { kind: 'down_payment', amount: '200' },
        { kind: 'final', amount: '700' },
      ]),
    ).toBe('300.00');
    expect(requiredBeforeSigning('1000', [{ kind: 'instalment', amount: '1000' }])).toBe('1000.00');
  });
});
