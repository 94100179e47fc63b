import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useRouteError } from 'react-router';
import { ApiError } from './api';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title="403"
        subTitle={t('errors.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title="404"
        subTitle={t('errors.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
}

/** Renders the right page for a failed page-level query (403/404/other). */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <ForbiddenPage />;
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  return (
    <div data-testid="load-error">
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={error instanceof Error ? error.message : t('errors.unknown')}
        extra={
          onRetry ? (
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : null
        }
      />
    </div>
  );
}

/** Router-level error boundary (render errors, failed lazy chunks). */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <div data-testid="route-error">
      <Result
        status="500"
        title={t('errors.pageError')}
        subTitle={error instanceof Error ? error.message : String(error ?? '')}
        extra={
          <Button type="primary" onClick={() => window.location.assign('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
}
