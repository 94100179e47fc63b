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

/** Audit cases of the product, price-list and opening-stock imports: upload, dry run, commit (admin holds every permission). */
export function importKindCases(ctx: AuditContext): AuditCases {
  const { admin, env, ids } = ctx;
  const kinds: [string, string, () => Promise<Buffer>][] = [
    [
      '/api/imports/products',
      'products',
      () =>
        sheetBuffer(['产品编码', '产品名称', '单位', '税率', '标准价'], [['AUD-IMP1', '审计产品', '个', '13', '10']]),
    ],
    [
      '/api/imports/price-lists',
      'priceLists',
      () =>
        sheetBuffer(['价格表名称', '生效日期', '产品编码', '价格'], [['审计价格表', '2027-01-01', 'AUD-IMP1', '9']]),
    ],
    [
      '/api/imports/opening-stock',
      'openingStock',
      async () => {
        await env.database.pool.query(
          `insert into warehouses (code, name) values ('AUD-WH', '审计仓') on conflict do nothing`,
        );
        return sheetBuffer(['产品编码', '仓库', '期初数量'], [['AUD-IMP1', 'AUD-WH', '5']]);
      },
    ],
  ];
  const cases: AuditCases = {};
  for (const [base, template, file] of kinds) {
    const key = `kind:${template}`;
    cases[`POST ${base}`] = {
      entity: 'import_job',
      action: 'upload',
      run: async () => {
        const buf = await file();
        const r = await admin.post(base, {
          template,
          fileName: '审计导入.xlsx',
          contentBase64: buf.toString('base64'),
        });
        ids[key] = r.json().id;
        await importSettled(ids[key]);
        return r;
      },
    };
    cases[`POST ${base}/:id/dry-run`] = {
      entity: 'import_job',
      action: 'dry_run',
      run: async () => {
        const job = (await admin.get(`${base}/${ids[key]}`)).json();
        const r = await admin.post(`${base}/${ids[key]}/dry-run`, { mapping: job.mapping });
        await importSettled(ids[key]);
        return r;
      },
    };
    cases[`POST ${base}/:id/commit`] = {
      entity: 'import_job',
      action: 'commit',
      run: async () => {
        const r = await admin.post(`${base}/${ids[key]}/commit`);
        await importSettled(ids[key]);
        // The commit must really have written (the next kind's file refers to what this one created).
        const job = (await admin.get(`${base}/${ids[key]}`)).json();
        if (job.status !== 'committed')
          throw new Error(
            `${template} audit import ended ${job.status}: ${(await admin.get(`${base}/${ids[key]}/problems`)).body}`,
          );
        return r;
      },
    };
  }
  return cases;
}
