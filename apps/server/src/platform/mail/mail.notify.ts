import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import { translate } from '../i18n/messages.ts';
import { type NotificationInput, notificationTitle } from '../notifications/notifications.service.ts';
import { users } from '../org/org.schema.ts';
import { queueMail } from './mail.service.ts';
import { mailEnabled } from './mail.settings.ts';

/** The e-mail for one in-app notification, in the recipient's language. */
export function notificationMail(locale: Locale, name: string, n: NotificationInput) {
  const title = notificationTitle(locale, n.titleKey, n.params ?? {});
  const lines = [translate(locale, 'mail.greeting', { name }), '', title];
  if (n.link) lines.push('', translate(locale, 'mail.link', { link: n.link }));
  lines.push('', translate(locale, 'mail.footer'));
  return { subject: translate(locale, 'mail.subject', { title }), body: lines.join('\n') };
}

/** Queues the notification's e-mail for recipients with an address, when SMTP is configured. */
export async function mailNotification(tx: DbOrTx, userIds: number[], n: NotificationInput) {
  if (!mailEnabled() || userIds.length === 0) return;
  const rows = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.active, true), isNotNull(users.email)));
  for (const r of rows) {
    if (!r.email) continue;
    const locale = (LOCALES as readonly string[]).includes(r.locale) ? (r.locale as Locale) : 'zh-CN';
    await queueMail(tx, { to: r.email, ...notificationMail(locale, r.name, n) });
  }
}
