import { FundOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const ResearchReportsPage = lazyPage(() => import('./pages/ResearchReportsPage').then((m) => m.ResearchReportsPage));
const CompetitorsPage = lazyPage(() => import('./pages/CompetitorsPage').then((m) => m.CompetitorsPage));
const ForecastsPage = lazyPage(() => import('./pages/ForecastsPage').then((m) => m.ForecastsPage));
const PromotionsPage = lazyPage(() => import('./pages/PromotionsPage').then((m) => m.PromotionsPage));
const PromotionDetailPage = lazyPage(() => import('./pages/PromotionDetailPage').then((m) => m.PromotionDetailPage));
const DemandsPage = lazyPage(() => import('./pages/DemandsPage').then((m) => m.DemandsPage));

/** 市场 (SPEC 2.2 / 2.8): research reports, competitors, forecasts, promotions, demand register. */
export const marketMenu: MenuGroupDef = {
  key: 'market',
  labelKey: 'menu.market',
  icon: <FundOutlined />,
  items: [
    {
      key: 'research-reports',
      path: '/research/reports',
      labelKey: 'menu.researchReports',
      permission: 'research.view',
    },
    { key: 'competitors', path: '/research/competitors', labelKey: 'menu.competitors', permission: 'competitor.view' },
    { key: 'forecasts', path: '/research/forecasts', labelKey: 'menu.forecasts', permission: 'research.view' },
    { key: 'promotions', path: '/research/promotions', labelKey: 'menu.promotions', permission: 'promotion.view' },
    { key: 'demands', path: '/research/demands', labelKey: 'menu.demands', permission: 'demand.view' },
  ],
};

export const researchRoutes: AppRoute[] = [
  { path: 'research/reports', permission: 'research.view', Component: ResearchReportsPage },
  { path: 'research/competitors', permission: 'competitor.view', Component: CompetitorsPage },
  { path: 'research/forecasts', permission: 'research.view', Component: ForecastsPage },
  { path: 'research/promotions', permission: 'promotion.view', Component: PromotionsPage },
  { path: 'research/promotions/:id', permission: 'promotion.view', Component: PromotionDetailPage },
  { path: 'research/demands', permission: 'demand.view', Component: DemandsPage },
];
