import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const departments = pgTable(
  'departments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
    name: text('name').notNull(),
    // Materialised path '/1/4/9/' of ids from the root: subtree = path LIKE '/1/4/%'.
    path: text('path').notNull().default(''),
    headUserId: integer('head_user_id'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('departments_path_idx').on(t.path), index('departments_parent_idx').on(t.parentId)],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    mobile: text('mobile'),
    // Where e-mail notifications go (SPEC 1.6); none when null.
    email: text('email'),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    managerId: integer('manager_id').references((): AnyPgColumn => users.id),
    active: boolean('active').notNull().default(true),
    locale: text('locale').notNull().default('zh-CN'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_mobile_uq').on(t.mobile),
    index('users_dept_idx').on(t.deptId),
    index('users_manager_idx').on(t.managerId),
  ],
);

export const roles = pgTable('roles', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

/** One permission granted to a role, with its data scope for scoped resources. */
export const roleGrants = pgTable(
  'role_grants',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
    scope: text('scope').notNull().default('ALL'),
    customDeptIds: integer('custom_dept_ids').array().notNull().default(sql`'{}'::integer[]`),
  },
  (t) => [
    primaryKey({ columns: [t.roleId, t.permission] }),
    check('role_grants_scope_ck', sql`${t.scope} in ('SELF','DEPT','DEPT_TREE','ALL','CUSTOM')`),
  ],
);

/**
 * Default grants already offered to this company's roles. A release that adds a permission grants
 * it to its default roles once; a grant the admin later removes is not brought back.
 */
export const defaultGrantsApplied = pgTable(
  'default_grants_applied',
  {
    roleCode: text('role_code').notNull(),
    permission: text('permission').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permission] })],
);
