import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { NotFoundError } from '../../platform/errors/errors.ts';
import { opportunityScope } from './opportunities.access.ts';
import { opportunities, opportunityProposals } from './opportunities.schema.ts';

/** A proposal as the source of a contract (SPEC 3.1 → 3.3): its opportunity's customer and the customer's answer. */
export interface ProposalSource {
  id: number;
  title: string;
  response: string;
  respondedOn: string | null;
  opportunityId: number;
  opportunityNo: string;
  customerId: number;
}

function sourceSelect(db: DbOrTx) {
  return db
    .select({
      id: opportunityProposals.id,
      title: opportunityProposals.title,
      response: opportunityProposals.response,
      respondedOn: opportunityProposals.respondedOn,
      opportunityId: opportunities.id,
      opportunityNo: opportunities.no,
      customerId: opportunities.customerId,
    })
    .from(opportunityProposals)
    .innerJoin(opportunities, eq(opportunities.id, opportunityProposals.opportunityId));
}

/** The proposal a user links a contract to: only one they may see (404 otherwise, like an unknown id). */
export async function findProposalSource(ctx: Ctx, id: number, db: DbOrTx = ctx.db): Promise<ProposalSource> {
  const [row] = await sourceSelect(db).where(
    and(eq(opportunityProposals.id, id), isNull(opportunityProposals.deletedAt), await opportunityScope(ctx)),
  );
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * The proposal behind a contract the caller already may see (its reviewers and signers need not
 * see opportunities): read by id, null when it is gone.
 */
export async function proposalSourceOf(db: DbOrTx, id: number): Promise<ProposalSource | null> {
  const [row] = await sourceSelect(db).where(
    and(eq(opportunityProposals.id, id), isNull(opportunityProposals.deletedAt)),
  );
  return row ?? null;
}
