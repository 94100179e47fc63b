import { CustomerServiceOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';
import { SLA_MANAGE, TICKET_CREATE, TICKET_HANDLE, TICKET_VIEW } from './constants';

const TicketBoardPage = lazyPage(() => import('./pages/TicketBoardPage').then((m) => m.TicketBoardPage));
const MyTicketsPage = lazyPage(() => import('./pages/MyTicketsPage').then((m) => m.MyTicketsPage));
const TicketCreatePage = lazyPage(() => import('./pages/TicketCreatePage').then((m) => m.TicketCreatePage));
const TicketDetailPage = lazyPage(() => import('./pages/TicketDetailPage').then((m) => m.TicketDetailPage));
const SlaPoliciesPage = lazyPage(() => import('./pages/SlaPoliciesPage').then((m) => m.SlaPoliciesPage));

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
    },
    {
      key: 'my-tickets',
      path: '/service/my-tickets',
      labelKey: 'menu.myTickets',
      permission: TICKET_HANDLE,
    },
    {
      key: 'ticket-new',
      path: '/service/tickets/new',
      labelKey: 'menu.newTicket',
      permission: TICKET_CREATE,
    },
    {
      key: 'sla-policies',
      path: '/service/sla-policies',
      labelKey: 'menu.slaPolicies',
      permission: SLA_MANAGE,
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
