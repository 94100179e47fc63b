import { sql } from 'drizzle-orm';
import { companyDay, registerRelatedSource, relatedSelect } from '../customers/index.ts';
import { contractScope } from './contracts.access.ts';
import { seesContractPrices } from './contracts.prices.ts';
import { contracts } from './contracts.schema.ts';

// A customer's contracts in its 360 (issue 11 item 3), within the viewer's contract scope; the
// amount only for users who see contract prices (contract.prices), dated by signing, else creation.
registerRelatedSource({
  type: 'contract',
  select: async (ctx, customerId) =>
    relatedSelect(
      contracts,
      { id: contracts.id, no: contracts.no, name: contracts.title, status: contracts.status },
      seesContractPrices(ctx) ? contracts.amount : null,
      sql`coalesce(${contracts.signedDate}, ${companyDay(contracts.createdAt)})`,
      sql`${contracts.customerId} = ${customerId} and ${await contractScope(ctx)}`,
    ),
});
