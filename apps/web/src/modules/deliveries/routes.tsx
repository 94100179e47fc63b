import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const deliveryMenuItems: MenuItemDef[] = [];

export const deliveryRoutes: AppRoute[] = [];
