import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';

const ApiTokensPage = lazyPage(() => import('./pages/ApiTokensPage').then((m) => m.ApiTokensPage));
const AdminApiTokensPage = lazyPage(() => import('./pages/AdminApiTokensPage').then((m) => m.AdminApiTokensPage));
const WebhooksPage = lazyPage(() => import('./pages/WebhooksPage').then((m) => m.WebhooksPage));

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
  },
  {
    key: 'api-tokens',
    path: '/admin/api-tokens',
    labelKey: 'menu.apiTokensAdmin',
    permission: 'apitoken.admin',
  },
];

export const integrationRoutes: AppRoute[] = [
  { path: 'me/api-tokens', permission: API_TOKENS_PERMISSION, Component: ApiTokensPage },
  { path: 'admin/webhooks', permission: 'webhook.manage', Component: WebhooksPage },
  { path: 'admin/api-tokens', permission: 'apitoken.admin', Component: AdminApiTokensPage },
];
