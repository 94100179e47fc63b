/**
 * B1: GET /api/auth/me through the full app (session lookup, hooks, zod serialisation) vs a bare
 * Fastify 5 route answering the same JSON body (and, to split the difference, a bare route that
 * also runs the app's session query). autocannon runs in a worker thread so the load generator
 * does not share the servers' event loop; rounds alternate full / bare / bare + query.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { median } from './stats.ts';

export interface B1Options {
  fullPort: number;
  cookie: string;
  /** Loads the session like the app's auth hook (for the "bare + session query" variant). */
  loadSession: (token: string) => Promise<unknown>;
  connections: number;
  duration: number;
  rounds: number;
  log: (m: string) => void;
}

export interface CannonRound {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface B1Result {
  bodyBytes: number;
  full: CannonRound[];
  bare: CannonRound[];
  /** Bare route that also runs the app's session query (loadPrincipal): splits DB from framework cost. */
  bareDb: CannonRound[];
  ratio: number;
}

async function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
): Promise<CannonRound> {
  const r = await autocannon({ url, headers, connections, duration, workers: 1 });
  // autocannon's p90 is not always present in the typings; fall back to p97.5 would misreport, so read it raw.
  const lat = r.latency as unknown as Record<string, number>;
  return {
    rps: r.requests.average,
    p50: lat.p50,
    p90: lat.p90,
    p99: lat.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

export async function runB1(o: B1Options): Promise<B1Result> {
  const fullUrl = `http://127.0.0.1:${o.fullPort}/api/auth/me`;
  const probe = await fetch(fullUrl, { headers: { cookie: o.cookie } });
  if (probe.status !== 200) throw new Error(`B1: /api/auth/me answered ${probe.status}`);
  const text = await probe.text();
  const body = JSON.parse(text) as unknown;

  const bare = Fastify({ logger: false });
  bare.get('/api/auth/me', async () => body);
  const token = o.cookie.replace(/^sid=/, '');
  bare.get('/db/auth/me', async () => {
    if (!(await o.loadSession(token))) throw new Error('session lost');
    return body;
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;
  const bareUrl = `http://127.0.0.1:${barePort}/api/auth/me`;
  const bareText = await (await fetch(bareUrl)).text();
  if (bareText.length !== text.length)
    throw new Error(`B1: bare body ${bareText.length} B ≠ full body ${text.length} B`);

  try {
    o.log('  B1 warm-up …');
    await cannon(fullUrl, { cookie: o.cookie }, o.connections, 2);
    await cannon(bareUrl, {}, o.connections, 2);
    const bareDbUrl = bareUrl.replace('/api/', '/db/');
    await cannon(bareDbUrl, {}, o.connections, 2);
    const full: CannonRound[] = [];
    const bareRounds: CannonRound[] = [];
    const bareDb: CannonRound[] = [];
    for (let i = 0; i < o.rounds; i++) {
      const f = await cannon(fullUrl, { cookie: o.cookie }, o.connections, o.duration);
      full.push(f);
      o.log(
        `  B1 round ${i + 1} full: ${Math.round(f.rps)} req/s p50 ${f.p50} ms p99 ${f.p99} ms (non-2xx ${f.non2xx}, errors ${f.errors})`,
      );
      const b = await cannon(bareUrl, {}, o.connections, o.duration);
      bareRounds.push(b);
      o.log(`  B1 round ${i + 1} bare: ${Math.round(b.rps)} req/s p50 ${b.p50} ms p99 ${b.p99} ms`);
      const d = await cannon(bareDbUrl, {}, o.connections, o.duration);
      bareDb.push(d);
      o.log(
        `  B1 round ${i + 1} bare + session query: ${Math.round(d.rps)} req/s p50 ${d.p50} ms p99 ${d.p99} ms (non-2xx ${d.non2xx})`,
      );
    }
    const ratio = median(full.map((r) => r.rps)) / median(bareRounds.map((r) => r.rps));
    return { bodyBytes: Buffer.byteLength(text), full, bare: bareRounds, bareDb, ratio };
  } finally {
    await bare.close();
  }
}
