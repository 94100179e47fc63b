import {
  AccountBookOutlined,
  AppstoreOutlined,
  CarOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { adminMenu } from '../modules/admin/routes';
import { statisticsMenu } from '../modules/analytics/routes';
import { appraisalMenuItems } from '../modules/appraisal/routes';
import { approvalsMenu } from '../modules/approvals/routes';
import { afterSalesMenuItems } from '../modules/complaints/routes';
import { contractMenuItems } from '../modules/contracts/routes';
import { customerMenu } from '../modules/customers/routes';
import { dealerMenuItems } from '../modules/dealers/routes';
import { deliveryMenuItems } from '../modules/deliveries/routes';
import { disciplineMenuItems } from '../modules/discipline/routes';
import { eventDoorMenuItems, eventMenuItems } from '../modules/events/routes';
import { expensesMenu } from '../modules/expenses/routes';
import { financeMenuItems } from '../modules/finance/routes';
import { frontDeskMenu } from '../modules/front-desk/routes';
import { importMenuItems } from '../modules/imports/routes';
import { inquiryMenuItems } from '../modules/inquiries/routes';
import { integrationAdminMenuItems } from '../modules/integrations/routes';
import { milestoneAdminMenuItems, milestoneMenuItems } from '../modules/milestones/routes';
import { monitoringMenuItems } from '../modules/monitoring/routes';
import { opportunityMenu } from '../modules/opportunities/routes';
import { orderMenuItems } from '../modules/orders/routes';
import { planMenuItems } from '../modules/plans/routes';
import { poolMenu } from '../modules/pool/routes';
import { productMenuItems } from '../modules/products/routes';
import { qualityMenuItems } from '../modules/quality/routes';
import { quoteMenuItems } from '../modules/quotes/routes';
import { reportMenuItems } from '../modules/reports/routes';
import { marketMenu } from '../modules/research/routes';
import { returnMenuItems } from '../modules/returns/routes';
import { serviceMenu } from '../modules/service/routes';
import { stockMenuItems } from '../modules/stock/routes';
import { workbenchMenu } from '../modules/tasks/routes';
import { trainingMenuItems } from '../modules/training/routes';
import { workbenchHomeItems } from '../modules/workbench/routes';
import { worklogMenuItems } from '../modules/worklogs/routes';
import { hasPermissionIn, type Me } from './AuthContext';
import type { MenuGroupDef, MenuItemDef } from './routeTypes';

export const MENU_GROUPS: MenuGroupDef[] = [
  // 工作台 (issue 13 item 6): the home page, to-dos, work logs, reports, process health.
  {
    ...workbenchMenu,
    items: [...workbenchHomeItems, ...workbenchMenu.items, ...worklogMenuItems, ...monitoringMenuItems],
  },
  // 数据导入 (SPEC 1.9) sits with the customers it brings in.
  // 会销 (SPEC 2.7): events invite the customers, so they sit with them; the door with the front desk.
  { ...customerMenu, items: [...customerMenu.items, ...importMenuItems, ...eventMenuItems] },
  opportunityMenu,
  poolMenu,
  { ...frontDeskMenu, items: [...frontDeskMenu.items, ...eventDoorMenuItems, ...inquiryMenuItems] },
  // Quote to cash (SPEC 3.2–3.6): modules contribute items to these groups.
  {
    key: 'trade',
    labelKey: 'menu.trade',
    icon: <ShoppingCartOutlined />,
    items: [...quoteMenuItems, ...contractMenuItems, ...orderMenuItems],
  },
  {
    key: 'logistics',
    labelKey: 'menu.logistics',
    icon: <CarOutlined />,
    items: [...stockMenuItems, ...deliveryMenuItems],
  },
  { key: 'finance', labelKey: 'menu.finance', icon: <AccountBookOutlined />, items: financeMenuItems },
  // 费用管理 (SPEC 5.3): reimbursement claims, budgets and cost analysis.
  expensesMenu,
  // After the sale (SPEC 4): tickets, return visits, complaints, satisfaction, returns, post-sale processes.
  { ...serviceMenu, items: [...serviceMenu.items, ...afterSalesMenuItems, ...returnMenuItems, ...milestoneMenuItems] },
  // 报表分析 (SPEC 5.1, 2.1): dashboards and their drill-down, the generated reports, plans and targets.
  { ...statisticsMenu, items: [...statisticsMenu.items, ...reportMenuItems, ...planMenuItems] },
  // 市场 (SPEC 2.2 / 2.8): market research, competitors, forecasts, promotions, the demand register.
  marketMenu,
  // 培训 (SPEC 5.4): plans and sessions, staff records (certificates, confidentiality), onboarding.
  { key: 'training', labelKey: 'menu.training', icon: <ReadOutlined />, items: trainingMenuItems },
  // 销售管理 (SPEC 5.6, 5.2, 5.5): discipline records and appraisal — everyone's own, their people's for
  // those who lead; the dealers a rep manages and their monthly review.
  {
    key: 'salesforce',
    labelKey: 'menu.salesforce',
    icon: <TeamOutlined />,
    items: [...disciplineMenuItems, ...appraisalMenuItems, ...dealerMenuItems],
  },
  // 质量体系 (SPEC 5.7): internal audits, corrective/preventive actions, controlled documents.
  { key: 'quality', labelKey: 'menu.quality', icon: <SafetyCertificateOutlined />, items: qualityMenuItems },
  { key: 'products', labelKey: 'menu.products', icon: <AppstoreOutlined />, items: productMenuItems },
  approvalsMenu,
  { ...adminMenu, items: [...adminMenu.items, ...integrationAdminMenuItems, ...milestoneAdminMenuItems] },
];

export function visibleMenuItems(me: Me | null): MenuItemDef[] {
  return MENU_GROUPS.flatMap((g) => g.items).filter((i) => hasPermissionIn(me, i.permission));
}

/** antd Menu items filtered by the user's permissions; empty groups are dropped. */
export function buildMenuItems(me: Me | null, t: TFunction): NonNullable<MenuProps['items']> {
  return MENU_GROUPS.map((group) => {
    const children = group.items
      .filter((item) => hasPermissionIn(me, item.permission))
      .map((item) => ({
        key: item.path,
        label: <span data-testid={`menu-${item.key}`}>{t(item.labelKey)}</span>,
      }));
    return children.length ? { key: group.key, icon: group.icon, label: t(group.labelKey), children } : null;
  }).filter((g) => g !== null);
}

/** Longest menu path that prefixes the current location (detail pages highlight their list). */
export function selectedMenuKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const item of MENU_GROUPS.flatMap((g) => g.items)) {
    if (pathname === item.path || pathname.startsWith(`${item.path}/`)) {
      if (!best || item.path.length > best.length) best = item.path;
    }
  }
  return best;
}

export function groupKeyOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return MENU_GROUPS.find((g) => g.items.some((i) => i.path === path))?.key;
}
