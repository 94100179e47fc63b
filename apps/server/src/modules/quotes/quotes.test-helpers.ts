import type { Client, TestEnv } from '../../../test/harness.ts';
import { insertProduct } from '../../../test/q2c-seed.ts';

/** Sets a policy through the admin API (reads the current version first). */
export async function setPolicy(admin: Client, key: string, value: string | number | boolean) {
  const items = (await admin.get('/api/policies')).json().items as { key: string; version: number }[];
  const cur = items.find((p) => p.key === key);
  const res = await admin.put(`/api/policies/${key}`, { value, version: cur?.version ?? 0 });
  if (res.statusCode !== 200) throw new Error(`policy ${key}: ${res.statusCode} ${res.body}`);
}

let seq = 0;
/** A customer owned by `rep` and two products: P1 standard 100 / floor 80 (13 %), P2 standard 50 / floor 45 (9 %). */
export async function quoteFixtures(env: TestEnv, rep: Client, name = '报价客户') {
  seq += 1;
  const c = await rep.post('/api/customers', {
    kind: 'individual',
    name: `${name}${seq}`,
    mobile: `1360000${String(1000 + seq)}`,
  });
  if (c.statusCode !== 201) throw new Error(c.body);
  const p1 = await insertProduct(env, {
    code: `Q${seq}A`,
    name: `数控车床${seq}`,
    standardPrice: '100.00',
    floorPrice: '80.00',
    taxRate: '13.00',
    unit: '台',
  });
  const p2 = await insertProduct(env, {
    code: `Q${seq}B`,
    name: `刀具${seq}`,
    standardPrice: '50.00',
    floorPrice: '45.00',
    taxRate: '9.00',
    unit: '把',
  });
  return {
    customerId: c.json().id as number,
    customerName: `${name}${seq}`,
    p1,
    p2,
    code1: `Q${seq}A`,
    code2: `Q${seq}B`,
  };
}

export function quoteBody(f: { customerId: number; p1: number; p2: number }, over: Record<string, unknown> = {}) {
  return {
    customerId: f.customerId,
    title: '年度设备报价',
    paymentTerms: '预付30%，货到付清',
    lines: [
      { productId: f.p1, qty: '3', unitPrice: '100.00', discountPercent: '0' },
      { productId: f.p2, qty: '2.5', unitPrice: '50.00', discountPercent: '2' },
    ],
    ...over,
  };
}
