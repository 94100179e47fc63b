import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { inject } from 'vitest';
import './provided.ts';
import { type App, buildApp } from '../src/app.ts';
import { connect, type Database } from '../src/db/client.ts';
import { seedPipelines } from '../src/modules/opportunities/index.ts';
import { seedDefaultPool } from '../src/modules/pool/index.ts';
import { seedApprovalRules } from '../src/platform/approvals/approval-rules.service.ts';
import { loadPrincipal } from '../src/platform/auth/auth.service.ts';
import { hashPassword } from '../src/platform/auth/password.ts';
import type { Ctx } from '../src/platform/context.ts';
import { bootstrapOrganisation } from '../src/platform/org/bootstrap.ts';
import { departments, roles, userRoles, users } from '../src/platform/org/org.schema.ts';

export const PASSWORD = 'test1234';

export interface TestEnv {
  database: Database;
  app: App;
  url: string;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, with the app built on it. */
export async function createTestEnv(): Promise<TestEnv> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('templateDb');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = connect(u.toString(), 20);
  await bootstrapOrganisation(database.db, PASSWORD);
  await seedApprovalRules(database.db);
  await seedDefaultPool(database.db);
  await seedPipelines(database.db);
  const app = await buildApp({ db: database.db, loginRateLimit: 10_000 });
  return {
    database,
    app,
    url: u.toString(),
    async close() {
      await app.close();
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A use-case context for a signed-in user, for tests that call services directly. */
export async function ctxFor(env: TestEnv, client: Client): Promise<Ctx> {
  const principal = await loadPrincipal(env.database.db, client.sessionToken);
  if (!principal) throw new Error('no session');
  return { db: env.database.db, principal, requestId: `test-${Date.now()}`, locale: 'zh-CN', now: () => new Date() };
}

/** A signed-in API client: keeps the session cookie and sends the CSRF token on mutations. */
export class Client {
  constructor(
    private app: App,
    private cookie: string,
    readonly csrf: string,
    readonly userId: number,
    private locale = 'zh-CN',
  ) {}
  static async login(app: App, login: string, password = PASSWORD, locale = 'zh-CN'): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
    if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
    const sid = res.cookies.find((c) => c.name === 'sid');
    const body = res.json();
    return new Client(app, `sid=${sid?.value}`, body.user.csrfToken, body.user.id, locale);
  }
  get sessionToken(): string {
    return this.cookie.slice('sid='.length);
  }
  request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, 'accept-language': this.locale, ...headers },
    });
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  put(url: string, payload: unknown) {
    return this.request('PUT', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export interface Org {
  dept: Record<'root' | 'mgmt' | 'sales1' | 'sales2' | 'sales1team' | 'finance', number>;
  user: Record<
    | 'admin'
    | 'gm'
    | 'director'
    | 'manager1'
    | 'supervisor1'
    | 'rep1'
    | 'rep1b'
    | 'teamRep'
    | 'manager2'
    | 'rep2'
    | 'finance'
    | 'front'
    | 'commerce',
    number
  >;
}

/**
 * The organisation the tests use: 总公司 → 管理层, 销售一部 (→ 一组), 销售二部, 财务部;
 * gm heads the root, manager1/manager2 head 销售一部/二部; reps report to their managers.
 */
export async function seedOrg(env: TestEnv): Promise<Org> {
  const db = env.database.db;
  const hash = await hashPassword(PASSWORD);
  const [root] = await db.select().from(departments).where(eq(departments.name, '总公司'));
  const mk = async (name: string, parent: { id: number; path: string }) => {
    const [d] = await db.insert(departments).values({ name, parentId: parent.id }).returning();
    const path = `${parent.path}${d.id}/`;
    await db.update(departments).set({ path }).where(eq(departments.id, d.id));
    return { id: d.id, path };
  };
  const mgmt = await mk('管理层', root);
  const sales1 = await mk('销售一部', root);
  const sales1team = await mk('销售一部一组', sales1);
  const sales2 = await mk('销售二部', root);
  const finance = await mk('财务部', root);
  const roleIds = new Map((await db.select().from(roles)).map((r) => [r.code, r.id]));
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  let n = 0;
  const mkUser = async (
    username: string,
    name: string,
    deptId: number,
    role: string,
    managerId: number | null = null,
  ) => {
    n += 1;
    const [u] = await db
      .insert(users)
      .values({ username, name, deptId, managerId, passwordHash: hash, mobile: `1390000${String(n).padStart(4, '0')}` })
      .returning();
    await db.insert(userRoles).values({ userId: u.id, roleId: roleIds.get(role) as number });
    return u.id;
  };
  const gm = await mkUser('gm', '王总', mgmt.id, 'general_manager');
  const director = await mkUser('director', '赵总监', mgmt.id, 'sales_director', gm);
  const manager1 = await mkUser('manager1', '李经理', sales1.id, 'sales_manager', director);
  const supervisor1 = await mkUser('supervisor1', '钱主管', sales1.id, 'sales_supervisor', manager1);
  const rep1 = await mkUser('rep1', '张三', sales1.id, 'sales_rep', supervisor1);
  const rep1b = await mkUser('rep1b', '李四', sales1.id, 'sales_rep', supervisor1);
  const teamRep = await mkUser('teamrep', '孙七', sales1team.id, 'sales_rep', supervisor1);
  const manager2 = await mkUser('manager2', '周经理', sales2.id, 'sales_manager', director);
  const rep2 = await mkUser('rep2', '王五', sales2.id, 'sales_rep', manager2);
  const fin = await mkUser('finance', '吴会计', finance.id, 'finance');
  const front = await mkUser('front', '郑前台', mgmt.id, 'front_desk');
  const commerce = await mkUser('commerce', '冯商务', mgmt.id, 'commerce');
  await db.update(departments).set({ headUserId: gm }).where(eq(departments.id, root.id));
  await db.update(departments).set({ headUserId: manager1 }).where(eq(departments.id, sales1.id));
  await db.update(departments).set({ headUserId: manager2 }).where(eq(departments.id, sales2.id));
  return {
    dept: {
      root: root.id,
      mgmt: mgmt.id,
      sales1: sales1.id,
      sales2: sales2.id,
      sales1team: sales1team.id,
      finance: finance.id,
    },
    user: {
      admin: admin.id,
      gm,
      director,
      manager1,
      supervisor1,
      rep1,
      rep1b,
      teamRep,
      manager2,
      rep2,
      finance: fin,
      front,
      commerce,
    },
  };
}

/** Valid sample identifiers (check characters verified in packages/core tests). */
export const SAMPLES = {
  creditCodes: ['91350100M000100Y43', '91110000600037341L'],
  idNumbers: ['11010519491231002X', '110101199003074514'],
};
