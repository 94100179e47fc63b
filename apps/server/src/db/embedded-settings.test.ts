import { describe, expect, it } from 'vitest';
import { embeddedPgSettings, parseMemory, parseSettings, settingsFlags } from './embedded-settings.ts';

const GB = 1024 ** 3;

/** Issue 10 item 6: the embedded server's settings follow the machine, and can be overridden. */
describe('embedded PostgreSQL sizing', () => {
  it('sizes a 2-core 24 GB machine: 12 GB to plan with by default', () => {
    expect(embeddedPgSettings({ totalMemBytes: 24 * GB, cpus: 2 })).toEqual({
      max_connections: '100',
      shared_buffers: '3072MB',
      effective_cache_size: '9216MB',
      work_mem: '11MB',
      maintenance_work_mem: '614MB',
      max_parallel_workers_per_gather: '1',
      max_parallel_maintenance_workers: '1',
    });
  });

  it('keeps a small machine at least at PostgreSQL’s own floor, and caps a large one', () => {
    const small = embeddedPgSettings({ totalMemBytes: 1 * GB, cpus: 1 });
    expect(small).toMatchObject({
      shared_buffers: '128MB',
      work_mem: '4MB',
      maintenance_work_mem: '64MB',
      effective_cache_size: '512MB',
      max_parallel_workers_per_gather: '0',
    });
    const large = embeddedPgSettings({ totalMemBytes: 512 * GB, cpus: 64 });
    expect(large).toMatchObject({
      shared_buffers: '8192MB',
      work_mem: '64MB',
      maintenance_work_mem: '1024MB',
      max_parallel_workers_per_gather: '4',
    });
  });

  it('plans with EMBEDDED_PG_MEMORY and lets EMBEDDED_PG_SETTINGS win', () => {
    const s = embeddedPgSettings(
      { totalMemBytes: 24 * GB, cpus: 2 },
      { memory: '25%', settings: 'work_mem=32MB; max_connections=200, jit=off' },
    );
    expect(s).toMatchObject({
      shared_buffers: '1536MB',
      effective_cache_size: '4608MB',
      work_mem: '32MB',
      max_connections: '200',
      jit: 'off',
    });
    // More connections leave less work_mem each when it is computed.
    const many = embeddedPgSettings({ totalMemBytes: 24 * GB, cpus: 2 }, { settings: 'max_connections=400' });
    expect(many.work_mem).toBe('4MB');
    expect(settingsFlags({ work_mem: '8MB' })).toEqual(['-c', 'work_mem=8MB']);
  });

  it('refuses what it cannot read rather than starting with a typo', () => {
    expect(parseMemory('6GB', 0)).toBe(6 * GB);
    expect(parseMemory('512 mb', 0)).toBe(512 * 1024 ** 2);
    expect(parseMemory('40%', 10 * GB)).toBe(4 * GB);
    expect(parseMemory('lots', 0)).toBeUndefined();
    expect(parseMemory('0%', GB)).toBeUndefined();
    expect(() => embeddedPgSettings({ totalMemBytes: GB, cpus: 1 }, { memory: 'lots' })).toThrow(/EMBEDDED_PG_MEMORY/);
    expect(() => parseSettings('work_mem')).toThrow(/EMBEDDED_PG_SETTINGS/);
    expect(parseSettings('')).toEqual({});
  });
});
