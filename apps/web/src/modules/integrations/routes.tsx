import { ApiOutlined, KeyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const ApiTokensPage = lazy(() => import('./pages/ApiTokensPage').then((m) => ({ default: m.ApiTokensPage })));
const AdminApiTokensPage = lazy(() =>
  import('./pages/AdminApiTokensPage').then((m) => ({ default: m.AdminApiTokensPage })),
);
const WebhooksPage = lazy(() => import('./pages/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));

/** The own-tokens page: reached from the user menu (top right), not the side menu. */
export const API_TOKENS_PATH = '/me/api-tokens';
export const API_TOKENS_PERMISSION = 'apitoken.manage';

/** Items this module adds to the side-menu group "系统管理". */
export const integrationAdminMenuItems: MenuItemDef[] = [
  {
    key: 'webhooks',
    path: '/admin/webhooks',
    labelKey: 'menu.webhooks',
    permission: 'webhook.manage',
    icon: <ApiOutlined />,
  },
  {
    key: 'api-tokens',
    path: '/admin/api-tokens',
    labelKey: 'menu.apiTokensAdmin',
    permission: 'apitoken.admin',
    icon: <KeyOutlined />,
  },
];

export const integrationRoutes: AppRoute[] = [
  { path: 'me/api-tokens', permission: API_TOKENS_PERMISSION, Component: ApiTokensPage },
  { path: 'admin/webhooks', permission: 'webhook.manage', Component: WebhooksPage },
  { path: 'admin/api-tokens', permission: 'apitoken.admin', Component: AdminApiTokensPage },
];
