import { FileDoneOutlined, ScheduleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { ORDER_CREATE, ORDER_EDIT, ORDER_PLAN, ORDER_VIEW } from './constants';

const OrderListPage = lazy(() => import('./pages/OrderListPage').then((m) => ({ default: m.OrderListPage })));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage').then((m) => ({ default: m.OrderDetailPage })));
const OrderFormPage = lazy(() => import('./pages/OrderFormPage').then((m) => ({ default: m.OrderFormPage })));
const PlannerPage = lazy(() => import('./pages/PlannerPage').then((m) => ({ default: m.PlannerPage })));

/** 销售业务 group: 订单管理 and 计划排产 (SPEC 3.4). */
export const orderMenuItems: MenuItemDef[] = [
  { key: 'orders', path: '/orders', labelKey: 'menu.orders', permission: ORDER_VIEW, icon: <FileDoneOutlined /> },
  { key: 'planner', path: '/planner', labelKey: 'menu.planner', permission: ORDER_PLAN, icon: <ScheduleOutlined /> },
];

export const orderRoutes: AppRoute[] = [
  { path: 'orders', permission: ORDER_VIEW, Component: OrderListPage },
  { path: 'orders/new', permission: ORDER_CREATE, Component: OrderFormPage },
  { path: 'orders/:id', permission: ORDER_VIEW, Component: OrderDetailPage },
  { path: 'orders/:id/edit', permission: ORDER_EDIT, Component: OrderFormPage },
  { path: 'planner', permission: ORDER_PLAN, Component: PlannerPage },
];
