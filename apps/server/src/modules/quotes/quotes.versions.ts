import type { QuoteVersionInput } from '@sales/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createdFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { users } from '../../platform/org/org.schema.ts';
import { companyDate } from '../../platform/time.ts';
import { findQuoteInScope, quoteScope } from './quotes.access.ts';
import { linesForAudit, quoteLinesOf, replaceQuoteLines } from './quotes.lines.ts';
import { quotes } from './quotes.schema.ts';
import { assertVersion, defaultValidUntil, setQuoteStatus } from './quotes.service.ts';
import { assertQuoteAction } from './quotes.state.ts';

/**
 * Makes a new version of a quote (a changed quote is a new version, SPEC 3.2): a new draft row
 * with the same number and revision + 1, lines copied; the old row becomes superseded. A validity
 * date already past is renewed from policy quotes.defaultValidityDays.
 */
export async function reviseQuote(ctx: Ctx, id: number, input: QuoteVersionInput) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findQuoteInScope(ctx, id, 'quote.edit', tx, true);
    assertVersion(cur, input.version);
    const next = assertQuoteAction(ctx, cur.status, 'revise');
    const [{ max }] = await tx
      .select({ max: sql<number>`max(${quotes.revision})::int` })
      .from(quotes)
      .where(eq(quotes.no, cur.no));
    const revision = Number(max) + 1;
    const validUntil =
      cur.validUntil >= companyDate(ctx.now()) ? cur.validUntil : await defaultValidUntil(tx, ctx.now());
    await setQuoteStatus(tx, ctx, cur, next, 'supersede', { isLatest: false });
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...copy } = cur;
    const [row] = await tx
      .insert(quotes)
      .values({
        ...copy,
        revision,
        status: 'draft',
        validUntil,
        isLatest: true,
        customerResponseAt: null,
        customerResponseNote: null,
        convertedOrderId: null,
        convertedContractId: null,
        ownerId: cur.ownerId,
        createdBy: ctx.principal.userId,
      })
      .returning({ id: quotes.id });
    const lines = await quoteLinesOf(tx, id);
    await replaceQuoteLines(
      tx,
      row.id,
      lines.map(({ id: _lid, quoteId: _q, ...l }) => l),
    );
    await recordAudit(tx, ctx, {
      entityType: 'quote',
      entityId: row.id,
      action: 'revise',
      changes: createdFields({ no: cur.no, revision, previousId: id, validUntil, lines: linesForAudit(lines) }, [
        'no',
        'revision',
        'previousId',
        'validUntil',
        'lines',
      ]),
    });
    return { id: row.id, no: cur.no, revision };
  });
}

/** Every version of a quote's number the user may see, oldest first. */
export async function listQuoteVersions(ctx: Ctx, id: number) {
  const q = await findQuoteInScope(ctx, id);
  const rows = await ctx.db
    .select({
      id: quotes.id,
      no: quotes.no,
      revision: quotes.revision,
      status: quotes.status,
      isLatest: quotes.isLatest,
      totalGross: quotes.totalGross,
      validUntil: quotes.validUntil,
      createdByName: users.name,
      createdAt: quotes.createdAt,
      updatedAt: quotes.updatedAt,
    })
    .from(quotes)
    .leftJoin(users, eq(users.id, quotes.createdBy))
    .where(and(eq(quotes.no, q.no), await quoteScope(ctx)))
    .orderBy(asc(quotes.revision));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}
