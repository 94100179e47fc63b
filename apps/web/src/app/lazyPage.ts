import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * A route's page, downloaded when first shown — or earlier through `preload()`: on a cold start the
 * page of the address being opened downloads beside the shell and the session check instead of
 * after them (issue 11: first load).
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => {
    loading ??= load().then((Component) => ({ default: Component }));
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}
