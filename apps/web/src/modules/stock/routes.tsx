import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const stockMenuItems: MenuItemDef[] = [];

export const stockRoutes: AppRoute[] = [];
