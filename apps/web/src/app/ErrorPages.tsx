import { Button, Empty } from 'antd';
import { type ComponentProps, createContext, lazy, type ReactNode, Suspense, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useRouteError } from 'react-router';
import { ApiError } from './api';

// The illustrations of antd's Result are large: loaded only when an error page shows (issue 11).
const LazyResult = lazy(() => import('./ErrorResult'));

function Result(props: ComponentProps<typeof LazyResult>) {
  return (
    <Suspense fallback={null}>
      <LazyResult {...props} />
    </Suspense>
  );
}

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

/**
 * Set around a part of a page (a detail page's tab, see DetailTabs): what it shows belongs to a
 * page that did load, so a 403/404 there means "not yours to see", never "this page does not
 * exist". Holds the part's name for the message, or null.
 */
const SectionContext = createContext<{ what: string | null } | null>(null);

/** Marks its children as one section of a loaded page (QueryErrorResult then answers 403/404 in place). */
export function ErrorSection({ what, children }: { what: string | null; children: ReactNode }) {
  return <SectionContext.Provider value={{ what }}>{children}</SectionContext.Provider>;
}

/** A section the user may not read: a quiet empty state instead of the full 403/404 page (issue 11). */
export function NoAccessEmpty({ what }: { what: string | null }) {
  const { t } = useTranslation();
  return (
    <Empty
      data-testid="section-no-access"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={what ? t('errors.noAccessTo', { what }) : t('errors.noAccess')}
    />
  );
}

/** Renders the right page for a failed query (403/404/other); inside an ErrorSection a 403/404 is an empty state. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const section = useContext(SectionContext);
  const denied = error instanceof ApiError && (error.status === 403 || error.status === 404);
  if (section && denied) return <NoAccessEmpty what={section.what} />;
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
