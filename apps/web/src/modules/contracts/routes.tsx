import { AuditOutlined, FileProtectOutlined, SnippetsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuItemDef } from '../../app/routeTypes';
import { CONTRACT_CREATE, CONTRACT_EDIT, CONTRACT_TEMPLATE_MANAGE, CONTRACT_VIEW } from './constants';

const ContractListPage = lazy(() => import('./pages/ContractListPage').then((m) => ({ default: m.ContractListPage })));
const ContractDetailPage = lazy(() =>
  import('./pages/ContractDetailPage').then((m) => ({ default: m.ContractDetailPage })),
);
const ContractFormPage = lazy(() => import('./pages/ContractFormPage').then((m) => ({ default: m.ContractFormPage })));
const ContractTemplatesPage = lazy(() =>
  import('./pages/ContractTemplatesPage').then((m) => ({ default: m.ContractTemplatesPage })),
);
const DisputeListPage = lazy(() => import('./pages/DisputeListPage').then((m) => ({ default: m.DisputeListPage })));

/** 销售业务 group: 合同台账, 合同纠纷, 合同模板 (SPEC 3.3). */
export const contractMenuItems: MenuItemDef[] = [
  {
    key: 'contracts',
    path: '/contracts',
    labelKey: 'menu.contracts',
    permission: CONTRACT_VIEW,
    icon: <FileProtectOutlined />,
  },
  {
    key: 'contract-disputes',
    path: '/contract-disputes',
    labelKey: 'menu.contractDisputes',
    permission: CONTRACT_VIEW,
    icon: <AuditOutlined />,
  },
  {
    key: 'contract-templates',
    path: '/contract-templates',
    labelKey: 'menu.contractTemplates',
    permission: CONTRACT_TEMPLATE_MANAGE,
    icon: <SnippetsOutlined />,
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
