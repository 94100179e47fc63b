import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

/** One request a test receiver got: its headers and the raw body exactly as sent. */
export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real local HTTP server standing in for a customer's webhook receiver. `respond` decides each
 * answer (status and body); `hang` makes it never answer (timeouts).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (n: number) => { status: number; body?: string } = () => ({ status: 200, body: 'ok' });
  hang = false;
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (this.hang) return;
      const r = this.respond(this.received.length);
      res.writeHead(r.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(r.body ?? '');
    });
  });

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The parsed bodies of the requests received so far. */
  events(): { id: string; type: string; createdAt: string; data: Record<string, unknown> }[] {
    return this.received.map((r) => JSON.parse(r.body));
  }

  reset() {
    this.received.length = 0;
    this.respond = () => ({ status: 200, body: 'ok' });
    this.hang = false;
  }

  /** Waits until `n` requests arrived (or fails after `ms`). */
  async waitFor(n: number, ms = 5000) {
    const until = Date.now() + ms;
    while (this.received.length < n) {
      if (Date.now() > until) throw new Error(`expected ${n} webhook requests, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on: bind, note it, close. */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}
