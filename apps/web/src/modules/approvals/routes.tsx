import { AuditOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const MyApprovalsPage = lazyPage(() => import('./pages/MyApprovalsPage').then((m) => m.MyApprovalsPage));
const ApprovalDetailPage = lazyPage(() => import('./pages/ApprovalDetailPage').then((m) => m.ApprovalDetailPage));

/** Side-menu group "审批": open to every signed-in user (the inbox holds only their own tasks). */
export const approvalsMenu: MenuGroupDef = {
  key: 'approvals',
  labelKey: 'menu.approvalsGroup',
  icon: <AuditOutlined />,
  items: [{ key: 'approvals', path: '/approvals', labelKey: 'menu.myApprovals' }],
};

export const approvalRoutes: AppRoute[] = [
  { path: 'approvals', Component: MyApprovalsPage },
  { path: 'approvals/:id', Component: ApprovalDetailPage },
];
