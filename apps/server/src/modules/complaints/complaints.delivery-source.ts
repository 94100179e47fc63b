import { inArray } from 'drizzle-orm';
import { registerReplacementSource } from '../deliveries/index.ts';
import { complaints } from './complaints.schema.ts';

// A replacement decided on a complaint names the complaint by number in the note's history.
registerReplacementSource('complaint', async (db, ids) => {
  const rows = await db
    .select({ id: complaints.id, no: complaints.no })
    .from(complaints)
    .where(inArray(complaints.id, ids));
  return new Map(rows.map((r) => [r.id, r.no]));
});
