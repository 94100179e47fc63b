import { SAMPLE_HEADERS, sampleCustomerRow, sheetBuffer } from '../../src/modules/imports/imports.test-seed.ts';
import { importSettled } from '../../src/modules/imports/index.ts';
import type { AuditCases, AuditContext } from './types.ts';

/** Audit cases of the xlsx import (SPEC 1.9): upload, dry run and commit each leave a row. */
export function importCases(ctx: AuditContext): AuditCases {
  const { manager, ids } = ctx;
  return {
    'POST /api/imports': {
      entity: 'import_job',
      action: 'upload',
      run: async () => {
        const buf = await sheetBuffer(SAMPLE_HEADERS, [sampleCustomerRow(980001)]);
        const r = await manager.post('/api/imports', {
          template: 'customers',
          fileName: '审计导入.xlsx',
          contentBase64: buf.toString('base64'),
        });
        ids.importJob = r.json().id;
        await importSettled(ids.importJob);
        return r;
      },
    },
    'POST /api/imports/:id/dry-run': {
      entity: 'import_job',
      action: 'dry_run',
      run: async () => {
        const job = (await manager.get(`/api/imports/${ids.importJob}`)).json();
        const r = await manager.post(`/api/imports/${ids.importJob}/dry-run`, { mapping: job.mapping });
        await importSettled(ids.importJob);
        return r;
      },
    },
    'POST /api/imports/:id/commit': {
      entity: 'import_job',
      action: 'commit',
      run: async () => {
        const r = await manager.post(`/api/imports/${ids.importJob}/commit`);
        await importSettled(ids.importJob);
        return r;
      },
    },
  };
}
