import {
  ApartmentOutlined,
  CalendarOutlined,
  EyeOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  SettingOutlined,
  SlidersOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const DepartmentsPage = lazy(() => import('./pages/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage })));
const RolesPage = lazy(() => import('./pages/RolesPage').then((m) => ({ default: m.RolesPage })));
const PoliciesPage = lazy(() => import('./pages/PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
const WorkCalendarPage = lazy(() => import('./pages/WorkCalendarPage').then((m) => ({ default: m.WorkCalendarPage })));
const AccessLogPage = lazy(() => import('./pages/AccessLogPage').then((m) => ({ default: m.AccessLogPage })));
const ApprovalRulesPage = lazy(() =>
  import('./pages/ApprovalRulesPage').then((m) => ({ default: m.ApprovalRulesPage })),
);

/** Side-menu group "系统管理"; each entry requires its own permission. */
export const adminMenu: MenuGroupDef = {
  key: 'admin',
  labelKey: 'menu.admin',
  icon: <SettingOutlined />,
  items: [
    { key: 'users', path: '/admin/users', labelKey: 'menu.users', permission: 'user.manage', icon: <UserOutlined /> },
    {
      key: 'departments',
      path: '/admin/departments',
      labelKey: 'menu.departments',
      permission: 'dept.manage',
      icon: <ApartmentOutlined />,
    },
    { key: 'roles', path: '/admin/roles', labelKey: 'menu.roles', permission: 'role.manage', icon: <SafetyOutlined /> },
    {
      key: 'policies',
      path: '/admin/policies',
      labelKey: 'menu.policies',
      permission: 'policy.manage',
      icon: <SlidersOutlined />,
    },
    {
      key: 'work-calendar',
      path: '/admin/calendar',
      labelKey: 'menu.workCalendar',
      permission: 'calendar.manage',
      icon: <CalendarOutlined />,
    },
    {
      key: 'approval-rules',
      path: '/admin/approval-rules',
      labelKey: 'menu.approvalRules',
      permission: 'approval.manage',
      icon: <NodeIndexOutlined />,
    },
    {
      key: 'access-log',
      path: '/admin/access-log',
      labelKey: 'menu.accessLog',
      permission: 'accesslog.view',
      icon: <EyeOutlined />,
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
