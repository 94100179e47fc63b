import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from './AuthContext';
import { ApiError } from './api';
import { safeRedirect } from './guards';
import { LanguageSwitch } from './LanguageSwitch';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { token } = theme.useToken();
  const redirect = safeRedirect(params.get('redirect'));

  if (me && !submitting) return <Navigate to={redirect} replace />;

  const onFinish = async (values: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.login.trim(), values.password);
      navigate(redirect, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length) {
        form.setFields(e.fields.map((f) => ({ name: f.field as keyof LoginValues, errors: [f.message] })));
      } else {
        setError(e instanceof Error ? e.message : t('errors.unknown'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: token.colorBgLayout,
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch light />
      </div>
      {/* A plain box in antd's card look: antd's Card would bring its Tabs into the first download. */}
      <div
        data-testid="login-card"
        style={{
          width: 380,
          maxWidth: 'calc(100vw - 32px)',
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('auth.loginTitle')}
        </Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
          <Form.Item
            name="login"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('auth.usernamePlaceholder')}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('auth.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </div>
    </div>
  );
}
