import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const orderMenuItems: MenuItemDef[] = [];

export const orderRoutes: AppRoute[] = [];
