import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { DEALER_REVIEW, DEALER_VIEW } from './constants';

const DealerListPage = lazyPage(() => import('./pages/DealerListPage').then((m) => m.DealerListPage));
const DealerDetailPage = lazyPage(() => import('./pages/DealerDetailPage').then((m) => m.DealerDetailPage));
const DealerReviewPage = lazyPage(() => import('./pages/DealerReviewPage').then((m) => m.DealerReviewPage));

/** Distributors (经销商, SPEC 5.5): the dealers a rep manages; the monthly review for those who lead. */
export const dealerMenuItems: MenuItemDef[] = [
  { key: 'dealers', path: '/dealers', labelKey: 'menu.dealers', permission: DEALER_VIEW },
  { key: 'dealer-reviews', path: '/dealer-reviews', labelKey: 'menu.dealerReviews', permission: DEALER_REVIEW },
];

export const dealerRoutes: AppRoute[] = [
  { path: 'dealers', permission: DEALER_VIEW, Component: DealerListPage },
  { path: 'dealers/:id', permission: DEALER_VIEW, Component: DealerDetailPage },
  { path: 'dealer-reviews', permission: DEALER_REVIEW, Component: DealerReviewPage },
];
