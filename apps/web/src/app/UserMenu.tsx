import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { API_TOKENS_PATH, API_TOKENS_PERMISSION } from '../modules/integrations/routes';
import { useAuth } from './AuthContext';
import { ChangePasswordModal } from './ChangePasswordModal';

export function UserMenu() {
  const { t } = useTranslation();
  const { me, logout, hasPermission } = useAuth();
  const navigate = useNavigate();
  const [pwdOpen, setPwdOpen] = useState(false);
  if (!me) return null;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
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
        <Button type="text" data-testid="user-menu">
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span>{me.name}</span>
            {me.deptName ? <span style={{ opacity: 0.6 }}>{me.deptName}</span> : null}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={pwdOpen} onClose={() => setPwdOpen(false)} />
    </>
  );
}
