import { type Config, loadConfig } from '../../config.ts';

export type SmtpSettings = Config['smtp'];

let current: SmtpSettings | undefined;

/** Sets the SMTP server used for the outbox (main.ts passes the config; tests a local server). */
export function configureMail(settings: SmtpSettings | undefined) {
  current = settings;
}

/** The SMTP settings in force: those configured, else the environment's. */
export function mailSettings(): SmtpSettings {
  current ??= loadConfig().smtp;
  return current;
}

/** E-mail is sent only where an SMTP host is configured (SPEC 1.6: "where configured"). */
export function mailEnabled(): boolean {
  return !!mailSettings().host;
}
