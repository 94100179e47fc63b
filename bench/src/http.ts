/** A minimal keep-alive HTTP client for sequential latency measurements, and the demo login. */
import http from 'node:http';

export interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function request(
  agent: http.Agent,
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', agent, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body) req.end(opts.body);
    else req.end();
  });
}

/** Signs in through the API and returns the session cookie ("sid=…"). */
export async function login(agent: http.Agent, port: number, username: string, password: string): Promise<string> {
  const res = await request(agent, port, '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith('sid='));
  if (!setCookie) throw new Error('login returned no session cookie');
  return setCookie.split(';')[0];
}
