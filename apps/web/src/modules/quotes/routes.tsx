import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const quoteMenuItems: MenuItemDef[] = [];

export const quoteRoutes: AppRoute[] = [];
