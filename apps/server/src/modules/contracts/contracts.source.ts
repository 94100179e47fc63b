import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ConflictError } from '../../platform/errors/errors.ts';
import { getPolicy } from '../../platform/policies/policies.service.ts';
import { proposalSourceOf } from '../opportunities/index.ts';
import { quotes } from '../quotes/index.ts';

/** What a contract was drafted from, and whether the customer accepted it (SPEC 3.1 → 3.3). */
export interface ContractSource {
  kind: 'quote' | 'proposal' | 'direct';
  accepted: boolean;
  quoteId: number | null;
  quoteNo: string | null;
  proposalId: number | null;
  proposalTitle: string | null;
  proposalResponse: string | null;
  opportunityId: number | null;
}

// A quote is converted only once the customer accepted it (quote state table: accepted → converted).
const ACCEPTED_QUOTE = ['accepted', 'converted'];

/** The accepted quote it was converted from, else the proposal it was drafted from, else none (direct). */
export async function contractSource(
  db: DbOrTx,
  c: { quoteId: number | null; proposalId: number | null },
): Promise<ContractSource> {
  const none = {
    quoteId: null,
    quoteNo: null,
    proposalId: null,
    proposalTitle: null,
    proposalResponse: null,
    opportunityId: null,
  };
  if (c.quoteId !== null) {
    const [q] = await db.select({ no: quotes.no, status: quotes.status }).from(quotes).where(eq(quotes.id, c.quoteId));
    if (q)
      return { ...none, kind: 'quote', accepted: ACCEPTED_QUOTE.includes(q.status), quoteId: c.quoteId, quoteNo: q.no };
  }
  if (c.proposalId !== null) {
    const p = await proposalSourceOf(db, c.proposalId);
    if (p)
      return {
        ...none,
        kind: 'proposal',
        accepted: p.response === 'accepted',
        proposalId: p.id,
        proposalTitle: p.title,
        proposalResponse: p.response,
        opportunityId: p.opportunityId,
      };
  }
  return { ...none, kind: 'direct', accepted: false };
}

/**
 * Signing guard (seed 000 3.1.3: 销售提案获得客户批准后，应与客户签订销售合同): the contract must come
 * from an accepted proposal or quote, unless policy contracts.allowDirect lets a contract be signed
 * without one.
 */
export async function assertSignableSource(db: DbOrTx, c: { quoteId: number | null; proposalId: number | null }) {
  if (await getPolicy(db, 'contracts.allowDirect')) return;
  const src = await contractSource(db, c);
  if (src.accepted) return;
  if (src.kind === 'proposal')
    throw new ConflictError('contract.sign.proposal_not_accepted', { title: src.proposalTitle ?? '' });
  throw new ConflictError('contract.sign.no_source');
}
