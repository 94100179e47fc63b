import { DesktopOutlined } from '@ant-design/icons';
import { lazyPage } from '../../app/lazyPage';
import type { AppRoute, MenuGroupDef } from '../../app/routeTypes';

const MyTasksPage = lazyPage(() => import('./pages/MyTasksPage').then((m) => m.MyTasksPage));

/** Side-menu group "工作台": personal to-dos, open to every signed-in user. */
export const workbenchMenu: MenuGroupDef = {
  key: 'workbench',
  labelKey: 'menu.workbench',
  icon: <DesktopOutlined />,
  items: [{ key: 'tasks', path: '/tasks', labelKey: 'menu.myTasks' }],
};

export const taskRoutes: AppRoute[] = [{ path: 'tasks', Component: MyTasksPage }];
