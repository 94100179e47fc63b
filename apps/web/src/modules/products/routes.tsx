import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { PRICE_MANAGE, PRODUCT_VIEW } from './constants';

const ProductListPage = lazyPage(() => import('./pages/ProductListPage').then((m) => m.ProductListPage));
const ProductDetailPage = lazyPage(() => import('./pages/ProductDetailPage').then((m) => m.ProductDetailPage));
const CategoriesPage = lazyPage(() => import('./pages/CategoriesPage').then((m) => m.CategoriesPage));
const PriceListsPage = lazyPage(() => import('./pages/PriceListsPage').then((m) => m.PriceListsPage));

/** Side-menu group "产品与价格" (SPEC 2.8). */
export const productMenuItems: MenuItemDef[] = [
  {
    key: 'products',
    path: '/products',
    labelKey: 'menu.productList',
    permission: PRODUCT_VIEW,
  },
  {
    key: 'product-categories',
    path: '/product-categories',
    labelKey: 'menu.productCategories',
    permission: PRODUCT_VIEW,
  },
  {
    key: 'price-lists',
    path: '/price-lists',
    labelKey: 'menu.priceLists',
    permission: PRICE_MANAGE,
  },
];

export const productRoutes: AppRoute[] = [
  { path: 'products', permission: PRODUCT_VIEW, Component: ProductListPage },
  { path: 'products/:id', permission: PRODUCT_VIEW, Component: ProductDetailPage },
  { path: 'product-categories', permission: PRODUCT_VIEW, Component: CategoriesPage },
  { path: 'price-lists', permission: PRICE_MANAGE, Component: PriceListsPage },
];
