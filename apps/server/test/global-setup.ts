import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect, runMigrations } from '../src/db/client.ts';
import { type EmbeddedDb, startEmbeddedPostgres } from '../src/db/embedded.ts';

import './provided.ts';

/**
 * Starts the database for the server tests — the embedded PostgreSQL in a temporary directory,
 * or the server in DATABASE_URL — and prepares a migrated template database to clone per file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDb | undefined;
  let tmp: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-test-pg-'));
    embedded = await startEmbeddedPostgres(tmp, 55000 + Math.floor(Math.random() * 4000));
    adminUrl = embedded.url;
  }
  const templateDb = `sales_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  const u = new URL(adminUrl);
  u.pathname = `/${templateDb}`;
  const tpl = connect(u.toString(), 2);
  await runMigrations(tpl);
  await tpl.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    // Drop leftovers of this run (test files drop their own databases when they finish).
    const dbs = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${templateDb}%`,
    ]);
    for (const d of dbs.rows) await admin.query(`drop database if exists ${d.datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}
