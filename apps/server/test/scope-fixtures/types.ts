import type { Client, Org, TestEnv } from '../harness.ts';

/** The name every fixture carries, so lists, searches and exports can be checked for it. */
export const NAME = '扫描专用测试客户有限公司';
/** The fixture customer's mobile: must never leak to an outsider either. */
export const PHONE = '13700001234';

/** Who legitimately sees a resource (the owner unless a file names another insider). */
export type Insider = 'owner' | 'approver' | 'frontDesk';

/** Shared by every fixture file's setup; the clients are signed in before the first setup runs. */
export interface ScopeContext {
  readonly env: TestEnv;
  readonly org: Org;
  /** rep1 of 销售一部: owns every fixture. */
  readonly owner: Client;
  /** rep2 of 销售二部: lacks most permissions, must get the same answer for a fixture and an unknown id. */
  readonly outsider: Client;
  /** manager2: every customer permission, scoped to 销售二部; only the data scope can refuse. */
  readonly otherManager: Client;
  /** manager1, head of 销售一部: approves the fixture approvals and manages its duty groups. */
  readonly approver: Client;
  /** The front desk (front). */
  readonly frontDesk: Client;
  /** resource → id of the out-of-scope record (an id may be set once: a second set throws). */
  readonly fixture: Record<string, number>;
  /** Today in Asia/Shanghai, as YYYY-MM-DD. */
  today(): string;
}

/** What a fixture file exports. */
export interface ScopeFixtureFile {
  /** Creates the file's fixtures; setups run in the order of index.ts, so a file may use earlier fixtures. */
  setup(ctx: ScopeContext): Promise<void>;
  /** A valid body per mutating :id route ('METHOD /api/url'), so validation passes and only scope can refuse. */
  bodies: Record<string, (version: number) => unknown>;
  /** resource → who sees it, where that is not the owner. */
  insiders?: Record<string, Insider>;
  /** resource → the text its list surfaces must show the insider (default NAME). */
  markers?: Record<string, string>;
  /** A valid body per bulk route ('POST /api/url' of surface 'bulk') for the given rows, so only scope can refuse. */
  bulkBodies?: Record<string, (items: BulkRow[]) => unknown>;
}

/** One row of a bulk action's body. */
export type BulkRow = { id: number; version: number };

/** The merged registry the sweep reads. */
export interface ScopeRegistry {
  setup(ctx: ScopeContext): Promise<void>;
  bodies: Record<string, (version: number) => unknown>;
  insiders: Record<string, Insider>;
  markers: Record<string, string>;
  bulkBodies: Record<string, (items: BulkRow[]) => unknown>;
}

function mergeInto<T>(
  target: Record<string, T>,
  source: Record<string, T> | undefined,
  what: string,
  file: string,
  from: Map<string, string>,
) {
  for (const [key, value] of Object.entries(source ?? {})) {
    const seen = from.get(`${what} ${key}`);
    if (seen !== undefined) throw new Error(`duplicate scope ${what} '${key}' in '${seen}' and '${file}'`);
    from.set(`${what} ${key}`, file);
    target[key] = value;
  }
}

/** Merges the fixture files in order; a key (body, insider or marker) given by two files fails loudly. */
export function mergeScopeFixtures(files: Readonly<Record<string, ScopeFixtureFile>>): ScopeRegistry {
  const from = new Map<string, string>();
  const registry: ScopeRegistry = {
    setup: async (ctx) => {
      for (const f of Object.values(files)) await f.setup(ctx);
    },
    bodies: {},
    insiders: {},
    markers: {},
    bulkBodies: {},
  };
  for (const [file, f] of Object.entries(files)) {
    mergeInto(registry.bodies, f.bodies, 'body', file, from);
    mergeInto(registry.insiders, f.insiders, 'insider', file, from);
    mergeInto(registry.markers, f.markers, 'marker', file, from);
    mergeInto(registry.bulkBodies, f.bulkBodies, 'bulk body', file, from);
  }
  return registry;
}

/** A fixture record in which each resource may be set only once: two files claiming one resource fail loudly. */
export function fixtureRecord(): Record<string, number> {
  return new Proxy({} as Record<string, number>, {
    set(target, key, value) {
      if (typeof key === 'string' && key in target) throw new Error(`scope fixture '${key}' is set twice`);
      return Reflect.set(target, key, value);
    },
  });
}
