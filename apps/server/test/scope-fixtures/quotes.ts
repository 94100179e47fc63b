import { insertProduct } from '../q2c-seed.ts';
import { NAME, type ScopeFixtureFile } from './types.ts';

/** A draft quote of rep1 on the fixture customer (报价, SPEC 3.2); lists show the customer NAME. */
export const quoteFixtures: ScopeFixtureFile = {
  async setup({ env, owner, fixture }) {
    const productId = await insertProduct(env, { code: 'SCAN-Q1', name: '扫描报价产品' });
    const res = await owner.post('/api/quotes', {
      customerId: fixture.customer,
      title: `${NAME}报价`,
      lines: [{ productId, qty: '1', unitPrice: '100.00' }],
    });
    if (res.statusCode !== 201) throw new Error(`quote fixture: ${res.statusCode} ${res.body}`);
    fixture.quote = res.json().id;
  },
  bodies: {
    'PUT /api/quotes/:id': (version) => ({
      title: '越权改报价',
      lines: [{ productId: 1, qty: '1', unitPrice: '1.00' }],
      version,
    }),
    'POST /api/quotes/:id/submit': (version) => ({ version }),
    'POST /api/quotes/:id/revise': (version) => ({ version }),
    'POST /api/quotes/:id/send': (version) => ({ version }),
    'POST /api/quotes/:id/respond': (version) => ({ response: 'accepted', note: '越权', version }),
    'POST /api/quotes/:id/convert': (version) => ({ target: 'order', version }),
  },
};
