import { lazy, Suspense } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { adminRoutes } from '../modules/admin/routes';
import { analyticsRoutes } from '../modules/analytics/routes';
import { appraisalRoutes } from '../modules/appraisal/routes';
import { approvalRoutes } from '../modules/approvals/routes';
import { afterSalesRoutes } from '../modules/complaints/routes';
import { contractRoutes } from '../modules/contracts/routes';
import { customerRoutes } from '../modules/customers/routes';
import { dealerRoutes } from '../modules/dealers/routes';
import { deliveryRoutes } from '../modules/deliveries/routes';
import { disciplineRoutes } from '../modules/discipline/routes';
import { eventRoutes } from '../modules/events/routes';
import { expenseRoutes } from '../modules/expenses/routes';
import { financeRoutes } from '../modules/finance/routes';
import { frontDeskRoutes } from '../modules/front-desk/routes';
import { importRoutes } from '../modules/imports/routes';
import { inquiryRoutes } from '../modules/inquiries/routes';
import { integrationRoutes } from '../modules/integrations/routes';
import { milestoneRoutes } from '../modules/milestones/routes';
import { monitoringRoutes } from '../modules/monitoring/routes';
import { opportunityRoutes } from '../modules/opportunities/routes';
import { orderRoutes } from '../modules/orders/routes';
import { planRoutes } from '../modules/plans/routes';
import { poolRoutes } from '../modules/pool/routes';
import { productRoutes } from '../modules/products/routes';
import { qualityRoutes } from '../modules/quality/routes';
import { quoteRoutes } from '../modules/quotes/routes';
import { reportRoutes } from '../modules/reports/routes';
import { researchRoutes } from '../modules/research/routes';
import { returnRoutes } from '../modules/returns/routes';
import { serviceRoutes } from '../modules/service/routes';
import { stockRoutes } from '../modules/stock/routes';
import { taskRoutes } from '../modules/tasks/routes';
import { trainingRoutes } from '../modules/training/routes';
import { workbenchRoutes } from '../modules/workbench/routes';
import { worklogRoutes } from '../modules/worklogs/routes';
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from './ErrorPages';
import { HomeRedirect, RequireAuth, RequirePermission } from './guards';
import { prefetchModuleMessages } from './i18n';
import type { LazyPage } from './lazyPage';
import type { AppRoute } from './routeTypes';

// The shell (menu, header) is its own chunk: the login page does not download it (issue 11: first load).
// The sign-in form (antd Form, Input.Password, Alert, Typography) is not part of the signed-in
// shell; main.tsx starts this download beside the messages when the first page is /login.
const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));

const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

const moduleRoutes: AppRoute[] = [
  ...workbenchRoutes,
  ...taskRoutes,
  ...worklogRoutes,
  ...inquiryRoutes,
  ...monitoringRoutes,
  ...customerRoutes,
  ...opportunityRoutes,
  ...poolRoutes,
  ...researchRoutes,
  ...frontDeskRoutes,
  ...productRoutes,
  ...quoteRoutes,
  ...contractRoutes,
  ...orderRoutes,
  ...stockRoutes,
  ...deliveryRoutes,
  ...afterSalesRoutes,
  ...returnRoutes,
  ...importRoutes,
  ...milestoneRoutes,
  ...analyticsRoutes,
  ...reportRoutes,
  ...planRoutes,
  ...eventRoutes,
  ...trainingRoutes,
  ...expenseRoutes,
  ...disciplineRoutes,
  ...dealerRoutes,
  ...appraisalRoutes,
  ...qualityRoutes,
  ...financeRoutes,
  ...serviceRoutes,
  ...approvalRoutes,
  ...adminRoutes,
  ...integrationRoutes,
];

function toRouteObject({ path, permission, Component }: AppRoute): RouteObject {
  return {
    path,
    element: (
      <RequirePermission permission={permission}>
        <Component />
      </RequirePermission>
    ),
  };
}

/**
 * Cold start at an address inside the app: the shell and that address's page start downloading now,
 * beside the messages and the session check, instead of one after another (issue 11: first load).
 */
export function preloadStartPage(pathname: string): void {
  if (pathname === '/login') return;
  void import('./AppLayout');
  prefetchModuleMessages();
  // Ranked like the router does (customers/new before customers/:id).
  const tree: RouteObject[] = [{ path: '/', children: moduleRoutes.map((r) => ({ path: r.path, handle: r })) }];
  const matches = matchRoutes(tree, pathname);
  const route = matches?.at(-1)?.route.handle as AppRoute | undefined;
  void (route?.Component as Partial<LazyPage> | undefined)?.preload?.();
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageSpinner />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...moduleRoutes.map(toRouteObject),
      { path: '403', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
