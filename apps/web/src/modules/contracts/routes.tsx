import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { CONTRACT_CREATE, CONTRACT_EDIT, CONTRACT_TEMPLATE_MANAGE, CONTRACT_VIEW } from './constants';

const ContractListPage = lazyPage(() => import('./pages/ContractListPage').then((m) => m.ContractListPage));
const ContractDetailPage = lazyPage(() => import('./pages/ContractDetailPage').then((m) => m.ContractDetailPage));
const ContractFormPage = lazyPage(() => import('./pages/ContractFormPage').then((m) => m.ContractFormPage));
const ContractTemplatesPage = lazyPage(() =>
  import('./pages/ContractTemplatesPage').then((m) => m.ContractTemplatesPage),
);
const DisputeListPage = lazyPage(() => import('./pages/DisputeListPage').then((m) => m.DisputeListPage));

/** 销售业务 group: 合同台账, 合同纠纷, 合同模板 (SPEC 3.3). */
export const contractMenuItems: MenuItemDef[] = [
  {
    key: 'contracts',
    path: '/contracts',
    labelKey: 'menu.contracts',
    permission: CONTRACT_VIEW,
  },
  {
    key: 'contract-disputes',
    path: '/contract-disputes',
    labelKey: 'menu.contractDisputes',
    permission: CONTRACT_VIEW,
  },
  {
    key: 'contract-templates',
    path: '/contract-templates',
    labelKey: 'menu.contractTemplates',
    permission: CONTRACT_TEMPLATE_MANAGE,
  },
];

export const contractRoutes: AppRoute[] = [
  { path: 'contracts', permission: CONTRACT_VIEW, Component: ContractListPage },
  { path: 'contracts/new', permission: CONTRACT_CREATE, Component: ContractFormPage },
  { path: 'contracts/:id', permission: CONTRACT_VIEW, Component: ContractDetailPage },
  { path: 'contracts/:id/edit', permission: CONTRACT_EDIT, Component: ContractFormPage },
  { path: 'contract-disputes', permission: CONTRACT_VIEW, Component: DisputeListPage },
  { path: 'contract-templates', permission: CONTRACT_TEMPLATE_MANAGE, Component: ContractTemplatesPage },
];
