import { isInternalError, type ReturnReason } from '@sales/core';
import Decimal from 'decimal.js';

export interface AttributionInput {
  reason: ReturnReason;
  totalQty: string;
  totalAmount: string;
  /** Policy returns.internalErrorChargePerPiece. */
  chargePerPiece: string;
  /** Breakage returns only: the year's sales, breakage already returned this year, policy ‰. */
  yearSales: string;
  breakageBefore: string;
  breakageMaxPerMille: string;
}

export interface Attribution {
  costBearer: 'company' | 'responsible';
  /** Charged to the responsible person (internal errors), else 0. */
  chargeAmount: string;
  /** The part of a breakage return beyond the allowance, treated as expired-goods loss, else 0. */
  expiredLossAmount: string;
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * Who bears a return's cost (seed 000 医药公司销后退回管理规定):
 * 第一条 — quality and policy returns are borne by the company; breakage returns too, but beyond
 * 0.2 ‰ of the sales the excess is handled as expired goods (失效商品);
 * 第二条 — 转销售、采购错误、客户报错计划 charge the applicant or the responsible person ¥10 per piece,
 * recorded for their appraisal.
 */
export function attributeReturn(a: AttributionInput): Attribution {
  if (isInternalError(a.reason))
    return {
      costBearer: 'responsible',
      chargeAmount: round2(new Decimal(a.chargePerPiece).mul(a.totalQty)).toFixed(2),
      expiredLossAmount: '0.00',
    };
  if (a.reason !== 'breakage') return { costBearer: 'company', chargeAmount: '0.00', expiredLossAmount: '0.00' };
  const allowance = round2(new Decimal(a.yearSales).mul(a.breakageMaxPerMille).div(1000));
  const after = new Decimal(a.breakageBefore).plus(a.totalAmount);
  const excess = Decimal.max(0, Decimal.min(a.totalAmount, after.minus(allowance)));
  return { costBearer: 'company', chargeAmount: '0.00', expiredLossAmount: round2(excess).toFixed(2) };
}
