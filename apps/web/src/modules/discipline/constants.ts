/** Permissions and colours of discipline (server: permissions/registry.ts, SPEC 5.6). */
export const DISCIPLINE_VIEW = 'discipline.view';
export const DISCIPLINE_RECORD = 'discipline.record';

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  decided: 'gold',
  acknowledged: 'green',
  void: 'default',
};

export const LEVEL_COLORS: Record<string, string> = {
  level1: 'blue',
  level2: 'orange',
  level3: 'volcano',
  major: 'red',
};

export const KIND_COLORS: Record<string, string> = { incident: 'red', reward: 'green' };
