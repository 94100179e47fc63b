import { AppstoreAddOutlined, ClusterOutlined, TagsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { PRICE_MANAGE, PRODUCT_VIEW } from './constants';

const ProductListPage = lazy(() => import('./pages/ProductListPage').then((m) => ({ default: m.ProductListPage })));
const ProductDetailPage = lazy(() =>
  import('./pages/ProductDetailPage').then((m) => ({ default: m.ProductDetailPage })),
);
const CategoriesPage = lazy(() => import('./pages/CategoriesPage').then((m) => ({ default: m.CategoriesPage })));
const PriceListsPage = lazy(() => import('./pages/PriceListsPage').then((m) => ({ default: m.PriceListsPage })));

/** Side-menu group "产品与价格" (SPEC 2.8). */
export const productMenuItems: MenuItemDef[] = [
  {
    key: 'products',
    path: '/products',
    labelKey: 'menu.productList',
    permission: PRODUCT_VIEW,
    icon: <AppstoreAddOutlined />,
  },
  {
    key: 'product-categories',
    path: '/product-categories',
    labelKey: 'menu.productCategories',
    permission: PRODUCT_VIEW,
    icon: <ClusterOutlined />,
  },
  {
    key: 'price-lists',
    path: '/price-lists',
    labelKey: 'menu.priceLists',
    permission: PRICE_MANAGE,
    icon: <TagsOutlined />,
  },
];

export const productRoutes: AppRoute[] = [
  { path: 'products', permission: PRODUCT_VIEW, Component: ProductListPage },
  { path: 'products/:id', permission: PRODUCT_VIEW, Component: ProductDetailPage },
  { path: 'product-categories', permission: PRODUCT_VIEW, Component: CategoriesPage },
  { path: 'price-lists', permission: PRICE_MANAGE, Component: PriceListsPage },
];
