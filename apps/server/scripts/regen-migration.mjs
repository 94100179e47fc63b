// Regenerates the newest migration from the current schema while it has not landed on main:
// drops drizzle/<NNNN>_<name>.sql, its snapshot and journal entry, then runs drizzle-kit generate.
// Usage (from apps/server): node scripts/regen-migration.mjs 0006 quote_to_cash
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const [idx, name] = process.argv.slice(2);
if (!/^\d{4}$/.test(idx ?? '') || !name) throw new Error('usage: regen-migration.mjs <NNNN> <name>');
const journalPath = 'drizzle/meta/_journal.json';
const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
const last = journal.entries.at(-1);
if (last?.tag.startsWith(`${idx}_`)) {
  fs.rmSync(`drizzle/${last.tag}.sql`, { force: true });
  fs.rmSync(`drizzle/meta/${idx}_snapshot.json`, { force: true });
  journal.entries.pop();
  fs.writeFileSync(journalPath, `${JSON.stringify(journal, null, 2)}\n`);
} else if (journal.entries.length !== Number(idx)) {
  throw new Error(`the newest migration is ${last?.tag}; refusing to touch anything but ${idx}`);
}
execFileSync('npx', ['drizzle-kit', 'generate', '--name', name], { stdio: 'inherit' });
