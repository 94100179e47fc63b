import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const contractMenuItems: MenuItemDef[] = [];

export const contractRoutes: AppRoute[] = [];
