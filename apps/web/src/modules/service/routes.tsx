import {
  CustomerServiceOutlined,
  DashboardOutlined,
  PlusOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';
import { SLA_MANAGE, TICKET_CREATE, TICKET_HANDLE, TICKET_VIEW } from './constants';

const TicketBoardPage = lazy(() => import('./pages/TicketBoardPage').then((m) => ({ default: m.TicketBoardPage })));
const MyTicketsPage = lazy(() => import('./pages/MyTicketsPage').then((m) => ({ default: m.MyTicketsPage })));
const TicketCreatePage = lazy(() => import('./pages/TicketCreatePage').then((m) => ({ default: m.TicketCreatePage })));
const TicketDetailPage = lazy(() => import('./pages/TicketDetailPage').then((m) => ({ default: m.TicketDetailPage })));
const SlaPoliciesPage = lazy(() => import('./pages/SlaPoliciesPage').then((m) => ({ default: m.SlaPoliciesPage })));

/** Side-menu group "售后" (SPEC 4.1): board, my tickets, new ticket, SLA policies. */
export const serviceMenu: MenuGroupDef = {
  key: 'service',
  labelKey: 'menu.service',
  icon: <CustomerServiceOutlined />,
  items: [
    {
      key: 'service-board',
      path: '/service/tickets',
      labelKey: 'menu.serviceBoard',
      permission: TICKET_VIEW,
      icon: <DashboardOutlined />,
    },
    {
      key: 'my-tickets',
      path: '/service/my-tickets',
      labelKey: 'menu.myTickets',
      permission: TICKET_HANDLE,
      icon: <UnorderedListOutlined />,
    },
    {
      key: 'ticket-new',
      path: '/service/tickets/new',
      labelKey: 'menu.newTicket',
      permission: TICKET_CREATE,
      icon: <PlusOutlined />,
    },
    {
      key: 'sla-policies',
      path: '/service/sla-policies',
      labelKey: 'menu.slaPolicies',
      permission: SLA_MANAGE,
      icon: <SettingOutlined />,
    },
  ],
};

export const serviceRoutes: AppRoute[] = [
  { path: 'service/tickets', permission: TICKET_VIEW, Component: TicketBoardPage },
  { path: 'service/tickets/new', permission: TICKET_CREATE, Component: TicketCreatePage },
  { path: 'service/tickets/:id', permission: TICKET_VIEW, Component: TicketDetailPage },
  { path: 'service/my-tickets', permission: TICKET_HANDLE, Component: MyTicketsPage },
  { path: 'service/sla-policies', permission: SLA_MANAGE, Component: SlaPoliciesPage },
];
