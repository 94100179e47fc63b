import { FundOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';
import { OPPORTUNITY_CREATE, OPPORTUNITY_EDIT, OPPORTUNITY_VIEW, PIPELINE_MANAGE } from './constants';

const OpportunityKanbanPage = lazyPage(() =>
  import('./pages/OpportunityKanbanPage').then((m) => m.OpportunityKanbanPage),
);
const OpportunityListPage = lazyPage(() => import('./pages/OpportunityListPage').then((m) => m.OpportunityListPage));
const OpportunityDetailPage = lazyPage(() =>
  import('./pages/OpportunityDetailPage').then((m) => m.OpportunityDetailPage),
);
const OpportunityFormPage = lazyPage(() => import('./pages/OpportunityFormPage').then((m) => m.OpportunityFormPage));
const PipelinesPage = lazyPage(() => import('./pages/PipelinesPage').then((m) => m.PipelinesPage));

/**
 * Side-menu group "商机管理". The pipeline settings (销售流程设置) live here too, shown only with
 * pipeline.manage, under the /admin path the other settings pages use.
 */
export const opportunityMenu: MenuGroupDef = {
  key: 'opportunities',
  labelKey: 'menu.opportunities',
  icon: <FundOutlined />,
  items: [
    {
      key: 'opportunity-kanban',
      path: '/opportunities/kanban',
      labelKey: 'menu.opportunityKanban',
      permission: OPPORTUNITY_VIEW,
    },
    {
      key: 'opportunities',
      path: '/opportunities',
      labelKey: 'menu.opportunityList',
      permission: OPPORTUNITY_VIEW,
    },
    {
      key: 'pipelines',
      path: '/admin/pipelines',
      labelKey: 'menu.pipelines',
      permission: PIPELINE_MANAGE,
    },
  ],
};

export const opportunityRoutes: AppRoute[] = [
  { path: 'opportunities', permission: OPPORTUNITY_VIEW, Component: OpportunityListPage },
  { path: 'opportunities/kanban', permission: OPPORTUNITY_VIEW, Component: OpportunityKanbanPage },
  { path: 'opportunities/new', permission: OPPORTUNITY_CREATE, Component: OpportunityFormPage },
  { path: 'opportunities/:id', permission: OPPORTUNITY_VIEW, Component: OpportunityDetailPage },
  { path: 'opportunities/:id/edit', permission: OPPORTUNITY_EDIT, Component: OpportunityFormPage },
  { path: 'admin/pipelines', permission: PIPELINE_MANAGE, Component: PipelinesPage },
];
