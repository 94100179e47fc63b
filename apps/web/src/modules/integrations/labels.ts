import type { TFunction } from 'i18next';

/** The localised name of a webhook event type; the code itself is what integrators configure. */
export function eventLabel(t: TFunction, type: string): string {
  return t(`integrations.events.${type.replace(/\./g, '_')}`, { defaultValue: type });
}

export const TOKEN_STATUS_COLORS: Record<string, string> = { active: 'green', expired: 'orange', revoked: 'default' };
export const DELIVERY_STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  delivered: 'green',
  failed: 'red',
  cancelled: 'default',
};
