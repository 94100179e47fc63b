/** The demo company: departments, one user per role with manager chains and department heads. */
import { eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../../apps/server/src/db/client.ts';
import { departments, roles, userRoles, users } from '../../../apps/server/src/db/schema.ts';

export const COMPANY_NAME = '华东智造科技有限公司';
export const CHILD_DEPARTMENTS = ['管理层', '销售一部', '销售二部', '商务部', '财务部', '售后服务部', '前台'] as const;
type DeptName = (typeof CHILD_DEPARTMENTS)[number];

export interface DemoUser {
  username: string;
  name: string;
  mobile: string;
  dept: DeptName;
  role: string;
  manager?: string;
  /** Departments this user heads ('root' = the company). */
  heads?: (DeptName | 'root')[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'gm',
    name: '陈志远',
    mobile: '13901860001',
    dept: '管理层',
    role: 'general_manager',
    heads: ['root', '管理层'],
  },
  {
    username: 'director',
    name: '刘海涛',
    mobile: '13901860002',
    dept: '管理层',
    role: 'sales_director',
    manager: 'gm',
  },
  { username: 'board', name: '周文华', mobile: '13901860003', dept: '管理层', role: 'board' },
  // 市场调研员 (seed 003: 市场调研部门每半年撰写一份市场调研报告), under the sales director.
  {
    username: 'researcher',
    name: '许文静',
    mobile: '13901860005',
    dept: '管理层',
    role: 'market_research',
    manager: 'director',
  },
  { username: 'operations', name: '唐明', mobile: '13901860004', dept: '管理层', role: 'operations', manager: 'gm' },
  {
    username: 'manager1',
    name: '张伟',
    mobile: '13901860011',
    dept: '销售一部',
    role: 'sales_manager',
    manager: 'director',
    heads: ['销售一部'],
  },
  {
    username: 'supervisor1',
    name: '李娜',
    mobile: '13901860012',
    dept: '销售一部',
    role: 'sales_supervisor',
    manager: 'manager1',
  },
  {
    username: 'rep1',
    name: '王磊',
    mobile: '13901860013',
    dept: '销售一部',
    role: 'sales_rep',
    manager: 'supervisor1',
  },
  {
    username: 'rep2',
    name: '赵敏',
    mobile: '13901860014',
    dept: '销售一部',
    role: 'sales_rep',
    manager: 'supervisor1',
  },
  // A new hire in onboarding training (SPEC 5.4): not active for sales until the assessment is passed.
  {
    username: 'rep5',
    name: '林子涵',
    mobile: '13901860016',
    dept: '销售一部',
    role: 'sales_rep',
    manager: 'supervisor1',
  },
  {
    username: 'assistant',
    name: '林晓燕',
    mobile: '13901860015',
    dept: '销售一部',
    role: 'sales_assistant',
    manager: 'manager1',
  },
  {
    username: 'manager2',
    name: '孙浩',
    mobile: '13901860021',
    dept: '销售二部',
    role: 'sales_manager',
    manager: 'director',
    heads: ['销售二部'],
  },
  { username: 'rep3', name: '吴静', mobile: '13901860022', dept: '销售二部', role: 'sales_rep', manager: 'manager2' },
  { username: 'rep4', name: '郑凯', mobile: '13901860023', dept: '销售二部', role: 'sales_rep', manager: 'manager2' },
  {
    username: 'commerce',
    name: '马俊',
    mobile: '13901860031',
    dept: '商务部',
    role: 'commerce',
    manager: 'gm',
    heads: ['商务部'],
  },
  { username: 'legal', name: '高洁', mobile: '13901860032', dept: '商务部', role: 'legal', manager: 'commerce' },
  { username: 'planner', name: '罗斌', mobile: '13901860033', dept: '商务部', role: 'planner', manager: 'commerce' },
  {
    username: 'warehouse',
    name: '梁勇',
    mobile: '13901860034',
    dept: '商务部',
    role: 'warehouse',
    manager: 'commerce',
  },
  {
    username: 'purchasing',
    name: '宋佳',
    mobile: '13901860035',
    dept: '商务部',
    role: 'purchasing',
    manager: 'commerce',
  },
  // Seed 000 销后退回 chain: 开票组 retrieves the original document; 验收员 books returned goods in.
  {
    username: 'receiver',
    name: '田野',
    mobile: '13901860036',
    dept: '商务部',
    role: 'receiving_clerk',
    manager: 'commerce',
  },
  {
    username: 'invoicing',
    name: '蒋敏',
    mobile: '13901860042',
    dept: '财务部',
    role: 'invoicing',
    manager: 'finance',
  },
  {
    username: 'finance',
    name: '许丽',
    mobile: '13901860041',
    dept: '财务部',
    role: 'finance',
    manager: 'gm',
    heads: ['财务部'],
  },
  {
    username: 'engineer',
    name: '冯刚',
    mobile: '13901860051',
    dept: '售后服务部',
    role: 'service_engineer',
    manager: 'gm',
    heads: ['售后服务部'],
  },
  { username: 'qa', name: '韩冬', mobile: '13901860052', dept: '售后服务部', role: 'qa', manager: 'engineer' },
  {
    // 售后主管: dispatches tickets, receives SLA escalations, edits SLA policies (issue 12).
    username: 'svcmanager',
    name: '邓伟',
    mobile: '13901860053',
    dept: '售后服务部',
    role: 'service_supervisor',
    manager: 'gm',
  },
  {
    // 客服专员 (seed 000 销售服务控制程序): return visits, satisfaction surveys, objections by phone.
    username: 'service',
    name: '秦悦',
    mobile: '13901860054',
    dept: '售后服务部',
    role: 'customer_service',
    manager: 'svcmanager',
  },
  {
    username: 'frontdesk',
    name: '何雨欣',
    mobile: '13901860061',
    dept: '前台',
    role: 'front_desk',
    manager: 'operations',
    heads: ['前台'],
  },
];

/** Mobiles reserved by the users above (customers must not reuse them). */
export const USER_MOBILES = DEMO_USERS.map((u) => u.mobile);

export interface DemoOrg {
  rootId: number;
  deptIds: Record<DeptName, number>;
  /** username → { id, deptId } */
  users: Map<string, { id: number; deptId: number; name: string }>;
}

export async function createDemoOrg(tx: Tx, passwordHash: string): Promise<DemoOrg> {
  const [root] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(isNull(departments.parentId))
    .orderBy(departments.id)
    .limit(1);
  if (!root) throw new Error('loadDemoData: bootstrap has not created the root department');
  await tx
    .update(departments)
    .set({ name: COMPANY_NAME, path: `/${root.id}/`, updatedAt: sql`now()` })
    .where(eq(departments.id, root.id));

  const inserted = await tx
    .insert(departments)
    .values(CHILD_DEPARTMENTS.map((name, i) => ({ name, parentId: root.id, sort: i + 1 })))
    .returning({ id: departments.id, name: departments.name });
  await tx.execute(sql`update departments set path = ${`/${root.id}/`} || id || '/' where parent_id = ${root.id}`);
  const deptIds = Object.fromEntries(inserted.map((d) => [d.name, d.id])) as Record<DeptName, number>;

  const rows = await tx
    .insert(users)
    .values(
      DEMO_USERS.map((u) => ({
        username: u.username,
        name: u.name,
        mobile: u.mobile,
        passwordHash,
        deptId: deptIds[u.dept],
      })),
    )
    .returning({ id: users.id, username: users.username, deptId: users.deptId, name: users.name });
  const byName = new Map(rows.map((r) => [r.username, { id: r.id, deptId: r.deptId, name: r.name }]));
  const id = (username: string) => {
    const u = byName.get(username);
    if (!u) throw new Error(`unknown demo user ${username}`);
    return u.id;
  };

  const managed = DEMO_USERS.filter((u) => u.manager);
  await tx.execute(sql`
    update users set manager_id = v.manager_id
    from (values ${sql.join(
      managed.map((u) => sql`(${id(u.username)}::int, ${id(u.manager as string)}::int)`),
      sql`, `,
    )}) as v(id, manager_id)
    where users.id = v.id`);

  const roleRows = await tx.select({ id: roles.id, code: roles.code }).from(roles);
  const roleId = new Map(roleRows.map((r) => [r.code, r.id]));
  await tx.insert(userRoles).values(
    DEMO_USERS.map((u) => {
      const r = roleId.get(u.role);
      if (!r) throw new Error(`role ${u.role} missing (bootstrap roles changed?)`);
      return { userId: id(u.username), roleId: r };
    }),
  );

  for (const u of DEMO_USERS) {
    for (const d of u.heads ?? []) {
      const deptId = d === 'root' ? root.id : deptIds[d];
      await tx
        .update(departments)
        .set({ headUserId: id(u.username) })
        .where(eq(departments.id, deptId));
    }
  }
  return { rootId: root.id, deptIds, users: byName };
}
