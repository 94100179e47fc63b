import net from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type Org, seedOrg, type TestEnv } from '../../../test/harness.ts';
import { notify } from '../notifications/notifications.service.ts';
import { users } from '../org/org.schema.ts';
import { configureMail, deliverOutbox, MAX_MAIL_ATTEMPTS, mailOutbox, queueMail, type SmtpSettings } from './index.ts';

/** SPEC 1.6: e-mail goes through a transactional outbox and a real SMTP conversation. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}

let env: TestEnv;
let org: Org;
let server: SMTPServer;
let smtp: SmtpSettings;
const inbox: Received[] = [];

function startSmtp(): Promise<{ server: SMTPServer; port: number }> {
  const s = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve({ server: s, port: (s.server.address() as net.AddressInfo).port })),
  );
}

/** A port nothing listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

// Just enough MIME to read what nodemailer sent: RFC 2047 words in headers, QP / base64 bodies.
function decodeWords(v: string): string {
  return v.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
function parse(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  let body = rest.join('\r\n\r\n');
  const cte = headers.get('content-transfer-encoding')?.toLowerCase();
  if (cte === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  else if (cte === 'quoted-printable')
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    to: headers.get('to'),
    body: body.replace(/\r\n/g, '\n').trim(),
  };
}

const outbox = async () => env.database.db.select().from(mailOutbox).orderBy(mailOutbox.id);
const clear = () => env.database.pool.query('delete from mail_outbox');

beforeAll(async () => {
  env = await createTestEnv();
  org = await seedOrg(env);
  const s = await startSmtp();
  server = s.server;
  smtp = { host: '127.0.0.1', port: s.port, from: '销售服务管理系统 <noreply@example.com>' };
});
afterAll(async () => {
  configureMail(undefined);
  await new Promise<void>((r) => server.close(() => r()));
  await env.close();
});
beforeEach(async () => {
  inbox.length = 0;
  await clear();
  configureMail({ port: 587, from: 'noreply@example.com' });
});

describe('mail outbox', () => {
  it('queues inside the transaction: a rolled-back change mails nobody', async () => {
    await env.database.db
      .transaction(async (tx) => {
        await queueMail(tx, { to: 'a@example.com', subject: '不应发出', body: '回滚' });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await outbox()).toEqual([]);
  });

  it('delivers a queued message through a real SMTP server and marks it sent', async () => {
    await env.database.db.transaction((tx) =>
      queueMail(tx, {
        to: 'zhangsan@example.com',
        subject: '跟进提醒：杭州明达科技',
        body: '您好：\n客户「杭州明达科技」的跟进计划今天到期，请及时处理。',
      }),
    );
    const r = await deliverOutbox(env.database.db, smtp);
    expect(r).toEqual({ sent: 1, failed: 0 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toEqual(['zhangsan@example.com']);
    expect(inbox[0].from).toBe('noreply@example.com');
    const mail = parse(inbox[0].raw);
    expect(mail.subject).toBe('跟进提醒：杭州明达科技');
    expect(mail.body).toBe('您好：\n客户「杭州明达科技」的跟进计划今天到期，请及时处理。');
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Nothing is sent twice.
    expect(await deliverOutbox(env.database.db, smtp)).toEqual({ sent: 0, failed: 0 });
    expect(inbox).toHaveLength(1);
  });

  it('keeps mail queued, without error, when no SMTP host is configured', async () => {
    await queueMail(env.database.db, { to: 'x@example.com', subject: '待发', body: '无SMTP' });
    expect(await deliverOutbox(env.database.db, { port: 587, from: 'noreply@example.com' })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await outbox()).toMatchObject([{ status: 'pending', attempts: 0 }]);
  });

  it('records a failing SMTP server on the row, retries with backoff, and gives up after the limit', async () => {
    const bad = { ...smtp, port: await closedPort() };
    // One clock for queueing and sending: the rows are due exactly at `now`.
    const now = new Date();
    await queueMail(env.database.db, { to: 'a@example.com', subject: '一', body: '一' }, now);
    await queueMail(env.database.db, { to: 'b@example.com', subject: '二', body: '二' }, now);
    const r = await deliverOutbox(env.database.db, bad, now);
    // The server is down: the first attempt fails and the batch stops (the second is not counted).
    expect(r).toEqual({ sent: 0, failed: 1 });
    const [a, b] = await outbox();
    expect(a).toMatchObject({ status: 'pending', attempts: 1 });
    expect(a.lastError).toMatch(/ECONN/);
    expect(a.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(b).toMatchObject({ status: 'pending', attempts: 0 });
    // Backoff: an immediate second run does nothing.
    expect(await deliverOutbox(env.database.db, bad, now)).toEqual({ sent: 0, failed: 0 });
    // Later runs keep failing until the limit, then the message is marked failed.
    let t = now.getTime();
    for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) {
      t += 2 * 60 * 60_000;
      await deliverOutbox(env.database.db, bad, new Date(t));
    }
    const rows = await outbox();
    expect(rows.find((m) => m.toAddress === 'a@example.com')).toMatchObject({
      status: 'failed',
      attempts: MAX_MAIL_ATTEMPTS,
    });
    // Once the server is back, what is still pending goes out.
    t += 2 * 60 * 60_000;
    expect(await deliverOutbox(env.database.db, smtp, new Date(t))).toEqual({ sent: 1, failed: 0 });
    expect(inbox.map((m) => m.to[0])).toEqual(['b@example.com']);
  });
});

describe('notifications by e-mail', () => {
  it('queues a mail in the recipient language for users with an address, only when SMTP is configured', async () => {
    const db = env.database.db;
    await db.update(users).set({ email: 'rep1@example.com' }).where(eq(users.id, org.user.rep1));
    await db.update(users).set({ email: 'rep2@example.com', locale: 'en-US' }).where(eq(users.id, org.user.rep2));
    const n = {
      kind: 'approval.task',
      titleKey: 'notify.approval.task',
      params: { summary: '客户信用申请 杭州明达', step: '部门经理' },
      link: '/approvals/7',
    };

    await notify(db, [org.user.rep1, org.user.rep2, org.user.rep1b], n);
    expect(await outbox()).toEqual([]);

    configureMail(smtp);
    await db.transaction((tx) => notify(tx, [org.user.rep1, org.user.rep2, org.user.rep1b], n));
    const queued = await outbox();
    expect(queued.map((m) => m.toAddress).sort()).toEqual(['rep1@example.com', 'rep2@example.com']);

    expect(await deliverOutbox(db, smtp)).toEqual({ sent: 2, failed: 0 });
    const zh = parse(inbox.find((m) => m.to[0] === 'rep1@example.com')?.raw ?? '');
    expect(zh.subject).toBe('【销售服务管理系统】待您审批：客户信用申请 杭州明达（部门经理）');
    expect(zh.body).toContain('张三，您好：');
    expect(zh.body).toContain('查看详情：/approvals/7');
    const en = parse(inbox.find((m) => m.to[0] === 'rep2@example.com')?.raw ?? '');
    expect(en.subject).toBe('[Sales & Service] Awaiting your approval: 客户信用申请 杭州明达 (部门经理)');
    expect(en.body).toContain('Dear 王五,');
  });
});
