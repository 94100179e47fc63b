import { expect } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import { importSettled } from './index.ts';

/** The HTTP steps of an import of one kind (its routes live under `base`), for tests. */
export function importSteps(base: string, template: string) {
  const job = async (who: Client, id: number) => {
    const r = await who.get(`${base}/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  return {
    job,
    async upload(who: Client, buf: Buffer, fileName = '导入.xlsx') {
      const r = await who.post(base, { template, fileName, contentBase64: buf.toString('base64') });
      expect(r.statusCode, r.body).toBe(202);
      const id = r.json().id as number;
      await importSettled(id);
      return id;
    },
    async dryRun(who: Client, id: number, mapping?: Record<string, string | null>) {
      const r = await who.post(`${base}/${id}/dry-run`, { mapping: mapping ?? (await job(who, id)).mapping });
      expect(r.statusCode, r.body).toBe(202);
      await importSettled(id);
      return job(who, id);
    },
    async commit(who: Client, id: number) {
      const r = await who.post(`${base}/${id}/commit`);
      expect(r.statusCode, r.body).toBe(202);
      await importSettled(id);
      return job(who, id);
    },
    async problems(who: Client, id: number) {
      return (await who.get(`${base}/${id}/problems?pageSize=200`)).json().items as {
        row: number;
        column: string;
        message: string;
      }[];
    },
  };
}
