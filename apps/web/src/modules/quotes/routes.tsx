import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { QUOTE_CREATE, QUOTE_EDIT, QUOTE_VIEW } from './constants';

const QuoteListPage = lazyPage(() => import('./pages/QuoteListPage').then((m) => m.QuoteListPage));
const QuoteDetailPage = lazyPage(() => import('./pages/QuoteDetailPage').then((m) => m.QuoteDetailPage));
const QuoteFormPage = lazyPage(() => import('./pages/QuoteFormPage').then((m) => m.QuoteFormPage));

/** 销售业务 group: 报价单 (SPEC 3.2). */
export const quoteMenuItems: MenuItemDef[] = [
  { key: 'quotes', path: '/quotes', labelKey: 'menu.quotes', permission: QUOTE_VIEW },
];

export const quoteRoutes: AppRoute[] = [
  { path: 'quotes', permission: QUOTE_VIEW, Component: QuoteListPage },
  { path: 'quotes/new', permission: QUOTE_CREATE, Component: QuoteFormPage },
  { path: 'quotes/:id', permission: QUOTE_VIEW, Component: QuoteDetailPage },
  { path: 'quotes/:id/edit', permission: QUOTE_EDIT, Component: QuoteFormPage },
];
