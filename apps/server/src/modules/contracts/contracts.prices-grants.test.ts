import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, PASSWORD, type TestEnv } from '../../../test/harness.ts';
import { dataBackfills, runBackfills } from '../../platform/backfills/index.ts';
import { bootstrapOrganisation } from '../../platform/org/bootstrap.ts';
import { defaultGrantsApplied, roleGrants, roles } from '../../platform/org/org.schema.ts';

/*
 * Who gets contract.prices (SPEC 1.2, issue 9): by default every role that sees contracts except
 * 法务, on a new database and — once — on a database made before the permission existed.
 */

let env: TestEnv;
let admin: Client;
beforeAll(async () => {
  env = await createTestEnv();
  admin = await Client.login(env.app, 'admin');
});
afterAll(() => env.close());

async function rolesWith(permission: string): Promise<string[]> {
  const rows = await env.database.db
    .select({ code: roles.code })
    .from(roleGrants)
    .innerJoin(roles, eq(roles.id, roleGrants.roleId))
    .where(eq(roleGrants.permission, permission));
  return rows.map((r) => r.code).sort();
}

describe('contract.prices grants', () => {
  it('goes by default to every role that sees contracts, except 法务', async () => {
    const viewers = await rolesWith('contract.view');
    expect(viewers).toContain('legal');
    expect(viewers).toContain('commerce');
    expect(await rolesWith('contract.prices')).toEqual(viewers.filter((c) => c !== 'legal'));
  });

  it('reaches a database made before it existed once: default roles by their defaults, company roles by a backfill', async () => {
    const db = env.database.db;
    const mk = async (code: string, grants: string[]) => {
      const res = await admin.post('/api/roles', {
        code,
        name: code,
        grants: grants.map((permission) => ({ permission, scope: 'ALL' })),
      });
      expect(res.statusCode).toBe(201);
    };
    await mk('region_lead', ['contract.view', 'customer.view']);
    await mk('hotline', ['customer.view']);
    // The database as the previous release left it: no contract.prices anywhere, never offered.
    await db.delete(roleGrants).where(eq(roleGrants.permission, 'contract.prices'));
    await db.delete(defaultGrantsApplied).where(eq(defaultGrantsApplied.permission, 'contract.prices'));
    await db.delete(dataBackfills).where(eq(dataBackfills.name, 'contracts.prices.companyRoles'));

    // Start-up order (main.ts): backfills, then the organisation's new default grants.
    expect(await runBackfills(db)).toContain('contracts.prices.companyRoles');
    expect(await bootstrapOrganisation(db, PASSWORD)).toBe(false);
    const withPrices = await rolesWith('contract.prices');
    expect(withPrices).toContain('region_lead');
    expect(withPrices).toContain('commerce');
    expect(withPrices).toContain('sales_rep');
    expect(withPrices).not.toContain('legal');
    expect(withPrices).not.toContain('hotline');
    expect(withPrices).toEqual((await rolesWith('contract.view')).filter((c) => c !== 'legal'));

    // Once: a grant the administrator then removes is not brought back by the next start.
    const [commerce] = await db.select().from(roles).where(eq(roles.code, 'commerce'));
    await db
      .delete(roleGrants)
      .where(and(eq(roleGrants.roleId, commerce.id), eq(roleGrants.permission, 'contract.prices')));
    expect(await runBackfills(db)).toEqual([]);
    await bootstrapOrganisation(db, PASSWORD);
    expect(await rolesWith('contract.prices')).not.toContain('commerce');
    const [{ n }] = (
      await db.execute<{ n: number }>(
        sql`select count(*)::int as n from default_grants_applied where permission = 'contract.prices'`,
      )
    ).rows;
    expect(n).toBeGreaterThan(0);
  });
});
