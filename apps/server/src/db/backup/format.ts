/**
 * The backup file (ADR 0002): one gzip stream of text lines, readable with `zcat`, like a plain
 * pg_dump. Control lines are JSON records; each `table` record is followed by the table's rows
 * in COPY text format and a `\.` line; the `manifest` record comes last, so a truncated file is
 * detected.
 *
 *   {"type":"header","format":"sales-service-backup","formatVersion":1,"migrations":[…],…}
 *   {"type":"table","schema":"public","name":"customers","columns":["id","name",…]}
 *   1\t上海华为技术有限公司\t…
 *   \.
 *   …
 *   {"type":"manifest","tables":[{"schema":"public","name":"customers","rows":1,"sha256":"…"}],"sequences":[…]}
 */
import { once } from 'node:events';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { SequenceState, TableDigest } from './catalog.ts';

export const FORMAT = 'sales-service-backup';
export const FORMAT_VERSION = 1;

export interface AppliedMigration {
  hash: string;
  /** drizzle's folderMillis of the migration (its `when` in the journal). */
  createdAt: number;
}

export interface BackupHeader {
  type: 'header';
  format: typeof FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The database clock at the snapshot: every table shows the data committed before it. */
  snapshotAt: string;
  server: string;
  database: string;
  migrations: AppliedMigration[];
}

export interface TableRecord {
  type: 'table';
  schema: string;
  name: string;
  columns: string[];
}

export interface ManifestEntry {
  schema: string;
  name: string;
  rows: number;
  sha256: string;
}

export interface Manifest {
  type: 'manifest';
  tables: ManifestEntry[];
  sequences: SequenceState[];
  totalRows: number;
}

const END_OF_DATA = Buffer.from('\\.\n');

/** Writes to `<file>.partial` and renames it into place once complete and synced to disk. */
export class BackupWriter {
  bytes = 0;
  private gzip = zlib.createGzip({ level: 6 });
  private out: fs.WriteStream;
  private closed: Promise<unknown>;
  private constructor(private file: string) {
    this.out = fs.createWriteStream(`${file}.partial`, { mode: 0o600 });
    this.closed = once(this.out, 'close');
    this.gzip.pipe(this.out);
  }

  static async create(file: string): Promise<BackupWriter> {
    const w = new BackupWriter(file);
    await once(w.out, 'open');
    return w;
  }

  async write(chunk: Buffer | string): Promise<void> {
    this.bytes += chunk.length;
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  record(r: BackupHeader | TableRecord | Manifest): Promise<void> {
    return this.write(`${JSON.stringify(r)}\n`);
  }

  endTable(): Promise<void> {
    return this.write(END_OF_DATA);
  }

  /** Completes the file, flushed to disk, under its final name; returns its compressed size. */
  async finish(): Promise<number> {
    this.gzip.end();
    await this.closed;
    const partial = `${this.file}.partial`;
    const fh = await fs.promises.open(partial, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(partial, this.file);
    return (await fs.promises.stat(this.file)).size;
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await fs.promises.rm(`${this.file}.partial`, { force: true });
  }
}

/** Lines of a byte stream, each with its trailing newline. */
async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer | undefined;
  for await (const chunk of stream) {
    const buf = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, start)) {
      yield buf.subarray(start, i + 1);
      start = i + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : undefined;
  }
  if (rest?.length) throw new Error('The backup file ends in the middle of a line: it is truncated.');
}

export class BackupReader {
  private lines: AsyncGenerator<Buffer>;
  private constructor(private input: fs.ReadStream) {
    this.lines = splitLines(input.pipe(zlib.createGunzip()));
  }

  static open(file: string): BackupReader {
    return new BackupReader(fs.createReadStream(file));
  }

  /** The next control record, or undefined at the end of the file. */
  async record(): Promise<BackupHeader | TableRecord | Manifest | undefined> {
    const next = await this.lines.next();
    if (next.done) return undefined;
    try {
      return JSON.parse(next.value.toString('utf8'));
    } catch {
      throw new Error(`Not a ${FORMAT} file, or a damaged one (a record line is not JSON).`);
    }
  }

  /** The rows of the table whose record was just read, in batches, up to its `\.` line. */
  async *tableData(digest: TableDigest): AsyncGenerator<Buffer> {
    let batch: Buffer[] = [];
    let size = 0;
    for (;;) {
      const next = await this.lines.next();
      if (next.done) throw new Error('The backup file ends inside a table: it is truncated.');
      if (next.value.equals(END_OF_DATA)) break;
      digest.update(next.value);
      batch.push(next.value);
      size += next.value.length;
      if (size >= 256 * 1024) {
        yield Buffer.concat(batch);
        batch = [];
        size = 0;
      }
    }
    if (batch.length) yield Buffer.concat(batch);
  }

  close(): void {
    this.input.destroy();
  }
}
