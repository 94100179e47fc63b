import type { Db } from '../db/client.ts';
import type { Locale } from './i18n/locale.ts';
import type { Principal } from './permissions/principal.ts';

/** What a use case gets from its caller: the database, who acts, and the request's identity. */
export interface Ctx {
  db: Db;
  principal: Principal;
  requestId: string;
  locale: Locale;
  now: () => Date;
}
