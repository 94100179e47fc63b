import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

export const financeMenuItems: MenuItemDef[] = [];

export const financeRoutes: AppRoute[] = [];
