import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const productMenuItems: MenuItemDef[] = [];

export const productRoutes: AppRoute[] = [];
