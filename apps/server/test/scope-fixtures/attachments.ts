import type { ScopeFixtureFile } from './types.ts';

// A 1×1 PNG: the smallest valid file the content check accepts.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const file = () => ({ file: { fileName: '越权附件.png', mimeType: 'image/png', contentBase64: PNG } });

/**
 * General attachments on records (issue 14 item 6): the routes hang off the records' own fixtures
 * (customer, opportunity, quote, order, event, inquiry) and the contract scan (fixture.attachment).
 */
export const attachmentFixtures: ScopeFixtureFile = {
  async setup() {},
  bodies: {
    'POST /api/customers/:id/attachments': file,
    'POST /api/opportunities/:id/attachments': file,
    'POST /api/quotes/:id/attachments': file,
    'POST /api/orders/:id/attachments': file,
    'POST /api/events/:id/attachments': file,
    'POST /api/inquiries/:id/attachments': file,
    'DELETE /api/attachments/:id': () => undefined,
  },
};
