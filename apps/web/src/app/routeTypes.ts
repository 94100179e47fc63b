import type { ComponentType, ReactNode } from 'react';

/** A page route contributed by a feature module; `path` is relative to the layout root. */
export interface AppRoute {
  path: string;
  /** Permission required to open the route (any one of a list); missing → 403 page. */
  permission?: string | readonly string[];
  Component: ComponentType;
}

export interface MenuItemDef {
  key: string;
  path: string;
  labelKey: string;
  /** Permission required to see the entry (any one of a list); omitted → every signed-in user. */
  permission?: string | readonly string[];
}

/** Only groups carry an icon (Ant Design's convention for a two-level side menu). */
export interface MenuGroupDef {
  key: string;
  labelKey: string;
  icon: ReactNode;
  items: MenuItemDef[];
}
