import type { Tx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';

type DeptChangeHandler = (tx: Tx, userId: number, newDeptId: number) => Promise<void>;
const deptChangeHandlers: DeptChangeHandler[] = [];

/**
 * Modules that denormalise an owner's department (for the data-scope index) register here, so a
 * user's move to another department moves their records' department in the same transaction.
 */
export function onUserDeptChange(handler: DeptChangeHandler) {
  deptChangeHandlers.push(handler);
}

export async function runUserDeptChange(tx: Tx, userId: number, newDeptId: number) {
  for (const h of deptChangeHandlers) await h(tx, userId, newDeptId);
}

type DeptMoveHandler = (tx: Tx, deptId: number, oldPath: string, newPath: string) => Promise<void>;
const deptMoveHandlers: DeptMoveHandler[] = [];

/** Modules that keep figures per department subtree register here: a department moved with its subtree. */
export function onDeptMove(handler: DeptMoveHandler) {
  deptMoveHandlers.push(handler);
}

export async function runDeptMove(tx: Tx, deptId: number, oldPath: string, newPath: string) {
  for (const h of deptMoveHandlers) await h(tx, deptId, oldPath, newPath);
}

type UserCreatedHandler = (tx: Tx, ctx: Ctx, userId: number) => Promise<void>;
const userCreatedHandlers: UserCreatedHandler[] = [];

/**
 * Modules that start something for a new hire register here (training: the onboarding a new rep
 * passes before going on sales, SPEC 5.4); it runs in the transaction that creates the user.
 */
export function onUserCreated(handler: UserCreatedHandler) {
  userCreatedHandlers.push(handler);
}

export async function runUserCreated(tx: Tx, ctx: Ctx, userId: number) {
  for (const h of userCreatedHandlers) await h(tx, ctx, userId);
}
