import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { loadSession } from './auth.service.ts';
import { type LoadedPrincipal, PrincipalCache } from './principal-cache.ts';

/** ADR 0005: the principal cache never keeps what an invalidation overtook, and expires on its own. */
let env: TestEnv;
let cache: PrincipalCache;
let shortLived: PrincipalCache;
let token: string;

async function started(c: PrincipalCache) {
  const end = Date.now() + 10_000;
  while (!c.active && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return c;
}

beforeAll(async () => {
  env = await createTestEnv();
  token = (await Client.login(env.app, 'admin')).sessionToken;
  // Entries outlive every test but the TTL one, however loaded the machine is.
  cache = await started(new PrincipalCache(env.database.pool, { ttlMs: 60_000 }));
  shortLived = await started(new PrincipalCache(env.database.pool, { ttlMs: 1_000 }));
});
afterAll(async () => {
  await cache.stop();
  await shortLived.stop();
  await env.close();
});

describe('principal cache', () => {
  const load = () => loadSession(env.database.db, token) as Promise<LoadedPrincipal>;

  it('never serves past the credential’s own expiry', async () => {
    let loads = 0;
    const expiresAt = Date.now() + 60_000;
    const expiring = async () => {
      loads += 1;
      return { ...(await load()), expiresAt };
    };
    await cache.get('s:exp', expiring);
    await cache.get('s:exp', expiring, expiresAt - 1);
    expect(loads).toBe(1);
    await cache.get('s:exp', expiring, expiresAt);
    expect(loads).toBe(2);
  });

  it('keeps a loaded principal until its TTL, then reads the database again', async () => {
    let loads = 0;
    const counted = () => {
      loads += 1;
      return load();
    };
    const a = await shortLived.get('s:ttl', counted);
    const b = await shortLived.get('s:ttl', counted);
    expect(loads).toBe(1);
    expect(b).toBe(a);
    await new Promise((r) => setTimeout(r, 1_100));
    await shortLived.get('s:ttl', counted);
    expect(loads).toBe(2);
  });

  it('does not store a load that an invalidation overtook (it read the old rows)', async () => {
    let loads = 0;
    const racing = async () => {
      loads += 1;
      const p = await load();
      // A grant change commits while this read is in flight.
      await env.database.pool.query(`update roles set name = name where code = 'admin'`);
      return p;
    };
    expect(await cache.get('s:race', racing)).not.toBeNull();
    await cache.get('s:race', racing);
    expect(loads).toBe(2);
  });

  it('drops a named session, or every entry on a change to users, roles, grants or departments', async () => {
    // The earlier test's change also reaches the listener connections, a moment later.
    await new Promise((r) => setTimeout(r, 300));
    await cache.get('s:one', load);
    await cache.get('s:two', load);
    cache.invalidate('s:one');
    expect(cache.size).toBeGreaterThanOrEqual(1);
    let loads = 0;
    await cache.get('s:one', () => {
      loads += 1;
      return load();
    });
    expect(loads).toBe(1);
    await env.database.pool.query(`update departments set sort = sort where id = (select min(id) from departments)`);
    expect(cache.size).toBe(0);
  });
});
