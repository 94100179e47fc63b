import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIsMobile } from '../components/useIsMobile';
import { API_TOKENS_PATH, API_TOKENS_PERMISSION } from '../modules/integrations/routes';
import { useAuth } from './AuthContext';

// Opened from the menu now and then: downloaded on first use, not with the shell (issue 11).
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

export function UserMenu() {
  const { t } = useTranslation();
  const { me, logout, hasPermission } = useAuth();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [pwdOpen, setPwdOpen] = useState(false);
  if (!me) return null;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            // The phone header shows only the avatar: the menu says who is signed in.
            ...(mobile
              ? [
                  {
                    key: 'me',
                    disabled: true,
                    label: <span data-testid="menu-me">{[me.name, me.deptName].filter(Boolean).join(' · ')}</span>,
                  },
                  { type: 'divider' as const },
                ]
              : []),
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span>,
            },
            // SPEC 1.11: personal API tokens live with the user's own settings.
            ...(hasPermission(API_TOKENS_PERMISSION)
              ? [
                  {
                    key: 'api-tokens',
                    icon: <ApiOutlined />,
                    label: <span data-testid="menu-api-tokens">{t('menu.apiTokens')}</span>,
                  },
                ]
              : []),
            { type: 'divider' },
            {
              key: 'logout',
              icon: <LogoutOutlined />,
              label: <span data-testid="menu-logout">{t('auth.logout')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPwdOpen(true);
            if (key === 'api-tokens') void navigate(API_TOKENS_PATH);
            // RequireAuth redirects to /login once the session is cleared
            if (key === 'logout') void logout();
          },
        }}
      >
        {/* On a phone the header has room for the avatar only (the name would push the bells out). */}
        <Button
          type="text"
          data-testid="user-menu"
          aria-label={me.name}
          style={mobile ? { width: 40, height: 40, padding: 0 } : undefined}
        >
          {mobile ? (
            <Avatar size="small" icon={<UserOutlined />} />
          ) : (
            <Space>
              <Avatar size="small" icon={<UserOutlined />} />
              <span>{me.name}</span>
              {me.deptName ? <span style={{ opacity: 0.6 }}>{me.deptName}</span> : null}
              <DownOutlined />
            </Space>
          )}
        </Button>
      </Dropdown>
      {pwdOpen ? (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setPwdOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
