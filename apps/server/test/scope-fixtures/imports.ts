import { SAMPLE_HEADERS, sampleCustomerRow, sheetBuffer } from '../../src/modules/imports/imports.test-seed.ts';
import { importSettled } from '../../src/modules/imports/index.ts';
import { NAME, type ScopeFixtureFile } from './types.ts';

/** Import jobs (SPEC 1.9) are their uploader's alone: manager1 uploads one, manager2 must not see it. */
export const importFixtures: ScopeFixtureFile = {
  async setup({ approver, fixture }) {
    const buf = await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(990001)]);
    const r = await approver.post('/api/imports', {
      template: 'customers',
      fileName: `${NAME}.xlsx`,
      contentBase64: buf.toString('base64'),
    });
    fixture.import_job = r.json().id;
    await importSettled(fixture.import_job);
  },
  bodies: {
    'POST /api/imports/:id/dry-run': () => ({ mapping: { 客户名称: 'name' } }),
    'POST /api/imports/:id/commit': () => ({}),
  },
  insiders: { import_job: 'approver' },
};
