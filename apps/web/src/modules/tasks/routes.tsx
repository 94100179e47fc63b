import { CarryOutOutlined, DesktopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const MyTasksPage = lazy(() => import('./pages/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));

/** Side-menu group "工作台": personal to-dos, open to every signed-in user. */
export const workbenchMenu: MenuGroupDef = {
  key: 'workbench',
  labelKey: 'menu.workbench',
  icon: <DesktopOutlined />,
  items: [{ key: 'tasks', path: '/tasks', labelKey: 'menu.myTasks', icon: <CarryOutOutlined /> }],
};

export const taskRoutes: AppRoute[] = [{ path: 'tasks', Component: MyTasksPage }];
