import { onNotify } from '../notifications/notifications.service.ts';
import { registerSweep } from '../scheduler/sweeps.ts';
import { mailNotification } from './mail.notify.ts';
import { deliverOutbox } from './mail.service.ts';
import { mailSettings } from './mail.settings.ts';

// Every in-app notification is also mailed to users with an address, where SMTP is configured.
onNotify(mailNotification);

// The outbox is sent after commit, every minute (a no-op without an SMTP host). Due times are
// compared on the database's clock, which also stamped the queued rows (issue 16).
registerSweep({
  name: 'mail-outbox',
  cron: '* * * * *',
  async run(db) {
    const r = await deliverOutbox(db, mailSettings());
    return { changed: r.sent + r.failed };
  },
});

export { notificationMail } from './mail.notify.ts';
export { mailOutbox } from './mail.schema.ts';
export { deliverOutbox, MAX_MAIL_ATTEMPTS, type MailInput, outboxStats, queueMail } from './mail.service.ts';
export { configureMail, mailEnabled, mailSettings, type SmtpSettings } from './mail.settings.ts';
