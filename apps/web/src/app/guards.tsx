import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageSpinner } from '../components/PageSpinner';
import { useAuth } from './AuthContext';
import { ForbiddenPage, QueryErrorResult } from './ErrorPages';
import { loadModuleMessages } from './i18n';

/** Redirects to /login?redirect=<current url> when there is no session. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading, error, refresh, signedOut } = useAuth();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (error && !me) return <QueryErrorResult error={error} onRetry={() => void refresh()} />;
  if (!me) {
    const target = location.pathname + location.search + location.hash;
    const search = !signedOut && target && target !== '/' ? `?redirect=${encodeURIComponent(target)}` : '';
    return <Navigate to={`/login${search}`} replace />;
  }
  // Signed in: the modules' messages download beside the shell and the first page (ModuleMessages).
  void loadModuleMessages();
  return <>{children}</>;
}

export function RequirePermission({
  permission,
  children,
}: {
  permission?: string | readonly string[];
  children: ReactNode;
}) {
  const { hasPermission } = useAuth();
  return hasPermission(permission) ? children : <ForbiddenPage />;
}

/** `/` → the workbench, every role's home page. */
export function HomeRedirect() {
  // Every role lands on the workbench (工作台, issue 13 item 6): what needs them today.
  return <Navigate to="/workbench" replace />;
}

/** Only allow same-origin relative return URLs. */
export function safeRedirect(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}
