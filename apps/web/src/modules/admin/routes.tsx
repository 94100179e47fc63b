import { SettingOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const UsersPage = lazyPage(() => import('./pages/UsersPage').then((m) => m.UsersPage));
const DepartmentsPage = lazyPage(() => import('./pages/DepartmentsPage').then((m) => m.DepartmentsPage));
const RolesPage = lazyPage(() => import('./pages/RolesPage').then((m) => m.RolesPage));
const PoliciesPage = lazyPage(() => import('./pages/PoliciesPage').then((m) => m.PoliciesPage));
const WorkCalendarPage = lazyPage(() => import('./pages/WorkCalendarPage').then((m) => m.WorkCalendarPage));
const AccessLogPage = lazyPage(() => import('./pages/AccessLogPage').then((m) => m.AccessLogPage));
const ApprovalRulesPage = lazyPage(() => import('./pages/ApprovalRulesPage').then((m) => m.ApprovalRulesPage));

/** Side-menu group "系统管理"; each entry requires its own permission. */
export const adminMenu: MenuGroupDef = {
  key: 'admin',
  labelKey: 'menu.admin',
  icon: <SettingOutlined />,
  items: [
    { key: 'users', path: '/admin/users', labelKey: 'menu.users', permission: 'user.manage' },
    {
      key: 'departments',
      path: '/admin/departments',
      labelKey: 'menu.departments',
      permission: 'dept.manage',
    },
    { key: 'roles', path: '/admin/roles', labelKey: 'menu.roles', permission: 'role.manage' },
    {
      key: 'policies',
      path: '/admin/policies',
      labelKey: 'menu.policies',
      permission: 'policy.manage',
    },
    {
      key: 'work-calendar',
      path: '/admin/calendar',
      labelKey: 'menu.workCalendar',
      permission: 'calendar.manage',
    },
    {
      key: 'approval-rules',
      path: '/admin/approval-rules',
      labelKey: 'menu.approvalRules',
      permission: 'approval.manage',
    },
    {
      key: 'access-log',
      path: '/admin/access-log',
      labelKey: 'menu.accessLog',
      permission: 'accesslog.view',
    },
  ],
};

export const adminRoutes: AppRoute[] = [
  { path: 'admin/users', permission: 'user.manage', Component: UsersPage },
  { path: 'admin/departments', permission: 'dept.manage', Component: DepartmentsPage },
  { path: 'admin/roles', permission: 'role.manage', Component: RolesPage },
  { path: 'admin/policies', permission: 'policy.manage', Component: PoliciesPage },
  { path: 'admin/calendar', permission: 'calendar.manage', Component: WorkCalendarPage },
  { path: 'admin/approval-rules', permission: 'approval.manage', Component: ApprovalRulesPage },
  { path: 'admin/access-log', permission: 'accesslog.view', Component: AccessLogPage },
];
