import { eq, inArray, or } from 'drizzle-orm';
import { registerRecordKind } from '../../platform/audit/record-kinds.ts';
import { frontDeskRegistrations as r } from './front-desk.schema.ts';

// How the PIPL access log names front-desk registrations (visitor and company) and finds them.
registerRecordKind({
  entityType: 'frontdesk_registration',
  async labels(db, ids) {
    const rows = ids.length
      ? await db
          .select({ id: r.id, visitor: r.visitorName, company: r.companyName, date: r.regDate })
          .from(r)
          .where(inArray(r.id, ids))
      : [];
    return new Map(rows.map((x) => [x.id, [x.date, x.visitor, x.company].filter(Boolean).join(' ')]));
  },
  async find(db, text, limit) {
    const rows = await db
      .select({ id: r.id })
      .from(r)
      .where(or(eq(r.visitorName, text), eq(r.companyName, text)))
      .limit(limit);
    return rows.map((x) => x.id);
  },
});
