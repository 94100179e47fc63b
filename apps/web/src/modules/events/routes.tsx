import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { EVENT_CHECKIN, EVENT_VIEW } from './constants';

const EventListPage = lazyPage(() => import('./pages/EventListPage').then((m) => m.EventListPage));
const EventDetailPage = lazyPage(() => import('./pages/EventDetailPage').then((m) => m.EventDetailPage));
const CheckInPage = lazyPage(() => import('./pages/CheckInPage').then((m) => m.CheckInPage));
const DoorPage = lazyPage(() => import('./pages/DoorPage').then((m) => m.DoorPage));
const GuestTokenPage = lazyPage(() => import('./pages/GuestTokenPage').then((m) => m.GuestTokenPage));

/** Conference marketing (会销, SPEC 2.7): events with the customers (客户管理); the door with the front desk. */
export const eventMenuItems: MenuItemDef[] = [
  { key: 'events', path: '/events', labelKey: 'menu.events', permission: EVENT_VIEW },
];
export const eventDoorMenuItems: MenuItemDef[] = [
  { key: 'event-door', path: '/event-door', labelKey: 'menu.eventDoor', permission: EVENT_CHECKIN },
];

export const eventRoutes: AppRoute[] = [
  { path: 'events', permission: EVENT_VIEW, Component: EventListPage },
  { path: 'events/:id', permission: EVENT_VIEW, Component: EventDetailPage },
  { path: 'events/:id/check-in', permission: EVENT_CHECKIN, Component: CheckInPage },
  { path: 'event-door', permission: EVENT_CHECKIN, Component: DoorPage },
  { path: 'event-guests/:token', permission: EVENT_CHECKIN, Component: GuestTokenPage },
];
