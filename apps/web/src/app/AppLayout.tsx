import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, theme } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { useIsMobile } from '../components/useIsMobile';
import { ApprovalInboxBadge } from '../modules/approvals/components/ApprovalInboxBadge';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { useAuth } from './AuthContext';
import { LanguageSwitch } from './LanguageSwitch';
import { ModuleMessages } from './ModuleMessages';
import { buildMenuItems, groupKeyOf, MENU_GROUPS, selectedMenuKey } from './menu';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

// The phone menu's drawer is downloaded when the menu is first opened, not with the shell (issue 11).
const Drawer = lazy(() => import('antd/es/drawer'));

export function AppLayout() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const mobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const selected = selectedMenuKey(location.pathname);
  const activeGroup = groupKeyOf(selected);
  // Only the current page's group starts open; the user opens others (the full menu is long).
  const [openKeys, setOpenKeys] = useState<string[]>(() => (activeGroup ? [activeGroup] : [MENU_GROUPS[0].key]));

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="side-menu"
      selectedKeys={selected ? [selected] : []}
      openKeys={
        collapsed && !mobile ? undefined : Array.from(new Set([...openKeys, ...(activeGroup ? [activeGroup] : [])]))
      }
      onOpenChange={(keys) => setOpenKeys(keys as string[])}
      items={buildMenuItems(me, t)}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* A new page starts at the top; back/forward restores where the user was. */}
      <ScrollRestoration />
      {mobile ? (
        drawerUsed ? (
          <Suspense fallback={null}>
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={260}
              closable={false}
              styles={{ body: { padding: 0, background: '#001529' } }}
              data-testid="menu-drawer"
            >
              <AppName collapsed={false} />
              {menu}
            </Drawer>
          </Suspense>
        ) : null
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={220}
          data-testid="sider"
          // The menu scrolls on its own and stays in view while the page scrolls.
          style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
        >
          <AppName collapsed={collapsed} />
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: mobile ? '0 8px' : '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: mobile ? 'sticky' : undefined,
            top: 0,
            zIndex: 10,
          }}
        >
          <Space size={mobile ? 4 : 8} style={{ minWidth: 0 }}>
            <Button
              type="text"
              aria-label={t('common.toggleMenu')}
              data-testid="menu-toggle"
              icon={mobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => {
                if (!mobile) return setCollapsed((c) => !c);
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
              style={mobile ? { width: 40, height: 40 } : undefined}
            />
            <span
              data-testid="app-title"
              style={{
                fontSize: 16,
                fontWeight: 600,
                whiteSpace: 'nowrap',
                overflow: 'hidden',
                textOverflow: 'ellipsis',
              }}
            >
              {mobile ? t('app.shortName') : t('app.name')}
            </span>
          </Space>
          <Space size={mobile ? 0 : 8}>
            <ApprovalInboxBadge />
            <NotificationBell />
            {!mobile && <LanguageSwitch />}
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ margin: mobile ? 8 : 16, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <ModuleMessages>
              <Outlet />
            </ModuleMessages>
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

function AppName({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
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
  );
}
