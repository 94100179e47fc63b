import { DatabaseOutlined, HomeOutlined, SwapOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { STOCK_MANAGE, STOCK_VIEW } from './constants';

const StockPage = lazy(() => import('./pages/StockPage').then((m) => ({ default: m.StockPage })));
const MovementsPage = lazy(() => import('./pages/MovementsPage').then((m) => ({ default: m.MovementsPage })));
const WarehousesPage = lazy(() => import('./pages/WarehousesPage').then((m) => ({ default: m.WarehousesPage })));

/** 仓储发货 group: 库存查询, 出入库流水, 仓库设置. */
export const stockMenuItems: MenuItemDef[] = [
  { key: 'stock', path: '/stock', labelKey: 'menu.stock', permission: STOCK_VIEW, icon: <DatabaseOutlined /> },
  {
    key: 'stock-movements',
    path: '/stock/movements',
    labelKey: 'menu.stockMovements',
    permission: STOCK_VIEW,
    icon: <SwapOutlined />,
  },
  {
    key: 'warehouses',
    path: '/stock/warehouses',
    labelKey: 'menu.warehouses',
    permission: STOCK_MANAGE,
    icon: <HomeOutlined />,
  },
];

export const stockRoutes: AppRoute[] = [
  { path: 'stock', permission: STOCK_VIEW, Component: StockPage },
  { path: 'stock/movements', permission: STOCK_VIEW, Component: MovementsPage },
  { path: 'stock/warehouses', permission: STOCK_MANAGE, Component: WarehousesPage },
];
