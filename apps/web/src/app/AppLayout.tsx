import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { ApprovalInboxBadge } from '../modules/approvals/components/ApprovalInboxBadge';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { useAuth } from './AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { buildMenuItems, groupKeyOf, MENU_GROUPS, selectedMenuKey } from './menu';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const selected = selectedMenuKey(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => MENU_GROUPS.map((g) => g.key));
  const activeGroup = groupKeyOf(selected);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} trigger={null} width={220} data-testid="sider">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            overflow: 'hidden',
            padding: '0 12px',
          }}
        >
          {/* Long names (English) wrap onto a second line instead of being cut off. */}
          <span
            style={{
              overflow: 'hidden',
              textAlign: 'center',
              lineHeight: 1.3,
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
            }}
            title={t('app.name')}
          >
            {collapsed ? t('app.shortName') : t('app.name')}
          </span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={selected ? [selected] : []}
          openKeys={collapsed ? undefined : Array.from(new Set([...openKeys, ...(activeGroup ? [activeGroup] : [])]))}
          onOpenChange={(keys) => setOpenKeys(keys as string[])}
          items={buildMenuItems(me, t)}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space>
            <Button
              type="text"
              aria-label={t('common.toggleMenu')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            <span data-testid="app-title" style={{ fontSize: 16, fontWeight: 600 }}>
              {t('app.name')}
            </span>
          </Space>
          <Space>
            <ApprovalInboxBadge />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
