import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Ctx } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';
import { hasMessage, translate } from '../i18n/messages.ts';
import { notifications } from './notifications.schema.ts';

export interface NotificationInput {
  kind: string;
  titleKey: string;
  params?: Record<string, string | number>;
  link?: string | null;
}

type NotifyHook = (tx: DbOrTx, userIds: number[], n: NotificationInput) => Promise<void>;
const notifyHooks: NotifyHook[] = [];

/** Other channels (e-mail) register here; they run in the same transaction as the notice. */
export function onNotify(hook: NotifyHook) {
  notifyHooks.push(hook);
}

/** Notifies users inside the caller's transaction: the notice exists only if the change commits. */
export async function notify(tx: DbOrTx, userIds: number[], n: NotificationInput) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  await tx.insert(notifications).values(
    ids.map((userId) => ({
      userId,
      kind: n.kind,
      titleKey: n.titleKey,
      params: n.params ?? {},
      link: n.link ?? null,
    })),
  );
  for (const hook of notifyHooks) await hook(tx, ids, n);
}

/**
 * A notice's text in the reader's language, from the server's own messages — the one source of
 * truth for notification texts (issue 11: the web rendered keys it did not have). Params are
 * formatted by their placeholders (`¥{amount:money}`, `{date:date}`, `{kind:frontdesk.kind}`).
 * A key no longer in the catalog (a notice older than a rename) reads as a generic notice.
 */
export function notificationTitle(locale: Locale, titleKey: string, params: Record<string, unknown>): string {
  if (!hasMessage(titleKey)) return translate(locale, 'mail.notification.generic');
  return translate(locale, titleKey, withRenderedSummary(locale, params));
}

/** An approval summary carried as `summaryKey` + `summary.<name>` params, rendered for this reader. */
function withRenderedSummary(locale: Locale, params: Record<string, unknown>): Record<string, unknown> {
  if (typeof params.summaryKey !== 'string') return params;
  const inner = Object.entries(params)
    .filter(([k]) => k.startsWith('summary.'))
    .map(([k, v]) => [k.slice('summary.'.length), v] as const);
  return { ...params, summary: translate(locale, params.summaryKey, Object.fromEntries(inner)) };
}

/** The signed-in user's notifications, newest first (keyset by id). */
export async function listMyNotifications(ctx: Ctx, q: { before?: number; limit: number; unreadOnly?: boolean }) {
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, ctx.principal.userId),
        q.before ? lt(notifications.id, q.before) : undefined,
        q.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(q.limit);
  const [{ unread }] = await ctx.db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.principal.userId), isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      titleKey: r.titleKey,
      params: r.params,
      title: notificationTitle(ctx.locale, r.titleKey, r.params),
      link: r.link,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    unread,
  };
}

/** Marks some (or all) of the user's notifications read. Only ever touches the user's own rows. */
export async function markNotificationsRead(ctx: Ctx, ids: number[] | 'all') {
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, ctx.principal.userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids.length ? ids : [-1]),
      ),
    );
}
