import { AuditOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const MyApprovalsPage = lazy(() => import('./pages/MyApprovalsPage').then((m) => ({ default: m.MyApprovalsPage })));
const ApprovalDetailPage = lazy(() =>
  import('./pages/ApprovalDetailPage').then((m) => ({ default: m.ApprovalDetailPage })),
);

/** Side-menu group "审批": open to every signed-in user (the inbox holds only their own tasks). */
export const approvalsMenu: MenuGroupDef = {
  key: 'approvals',
  labelKey: 'menu.approvalsGroup',
  icon: <AuditOutlined />,
  items: [{ key: 'approvals', path: '/approvals', labelKey: 'menu.myApprovals', icon: <CheckSquareOutlined /> }],
};

export const approvalRoutes: AppRoute[] = [
  { path: 'approvals', Component: MyApprovalsPage },
  { path: 'approvals/:id', Component: ApprovalDetailPage },
];
