import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { STOCK_MANAGE, STOCK_VIEW } from './constants';

const StockPage = lazyPage(() => import('./pages/StockPage').then((m) => m.StockPage));
const MovementsPage = lazyPage(() => import('./pages/MovementsPage').then((m) => m.MovementsPage));
const WarehousesPage = lazyPage(() => import('./pages/WarehousesPage').then((m) => m.WarehousesPage));

/** 仓储发货 group: 库存查询, 出入库流水, 仓库设置. */
export const stockMenuItems: MenuItemDef[] = [
  { key: 'stock', path: '/stock', labelKey: 'menu.stock', permission: STOCK_VIEW },
  {
    key: 'stock-movements',
    path: '/stock/movements',
    labelKey: 'menu.stockMovements',
    permission: STOCK_VIEW,
  },
  {
    key: 'warehouses',
    path: '/stock/warehouses',
    labelKey: 'menu.warehouses',
    permission: STOCK_MANAGE,
  },
];

export const stockRoutes: AppRoute[] = [
  { path: 'stock', permission: STOCK_VIEW, Component: StockPage },
  { path: 'stock/movements', permission: STOCK_VIEW, Component: MovementsPage },
  { path: 'stock/warehouses', permission: STOCK_MANAGE, Component: WarehousesPage },
];
