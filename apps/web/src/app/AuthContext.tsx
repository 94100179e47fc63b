import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, isApiError, onUnauthorized, setCsrfToken } from './api';
import { changeLanguage, currentLanguage, getStoredLanguage, isLanguage, type Language } from './i18n';

export interface Me {
  id: number;
  username: string;
  name: string;
  deptId: number | null;
  deptName: string | null;
  roles: string[];
  permissions: string[];
  locale: string | null;
  csrfToken: string;
}

interface LoginResponse {
  user: Me;
  csrfToken?: string;
}

export const ME_QUERY_KEY = ['auth', 'me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiFetch<Me>('/api/auth/me', { skipAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/**
 * Drop every cached query except the session itself. (qc.clear() would also
 * detach the mounted `me` observer, so later setQueryData would not re-render.)
 */
function clearUserData(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
}

export function hasPermissionIn(me: Me | null | undefined, permission?: string | readonly string[] | null): boolean {
  if (!permission) return true;
  if (!me) return false;
  // A list: any one of them (a page serving several permissions, e.g. the import kinds).
  if (typeof permission !== 'string') return permission.some((p) => hasPermissionIn(me, p));
  return me.permissions.includes(permission) || me.permissions.includes('*');
}

interface AuthContextValue {
  me: Me | null;
  loading: boolean;
  error: unknown;
  /** True after an explicit logout (the login page then gets no return URL). */
  signedOut: boolean;
  hasPermission: (permission?: string | readonly string[] | null) => boolean;
  login: (login: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<unknown>;
  setLocale: (lang: Language) => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const meQuery = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const me = meQuery.data ?? null;
  const [signedOut, setSignedOut] = useState(false);

  // A 401 on any API call means the session is gone: drop the user, RequireAuth redirects.
  useEffect(() => {
    onUnauthorized(() => {
      if (qc.getQueryData(ME_QUERY_KEY)) {
        setCsrfToken(null);
        qc.setQueryData(ME_QUERY_KEY, null);
        message.warning(t('auth.sessionExpired'));
      }
    });
    return () => onUnauthorized(null);
  }, [qc, message, t]);

  // Adopt the user's saved locale unless the browser has an explicit choice.
  useEffect(() => {
    if (me && isLanguage(me.locale) && !getStoredLanguage() && me.locale !== currentLanguage()) {
      void changeLanguage(me.locale, false);
    }
  }, [me]);

  const login = useCallback(
    async (loginName: string, password: string) => {
      const res = await apiFetch<LoginResponse>('/api/auth/login', {
        method: 'POST',
        body: { login: loginName, password },
        skipAuthRedirect: true,
      });
      clearUserData(qc);
      let user = res.user;
      const token = res.csrfToken ?? user?.csrfToken;
      if (token) {
        setCsrfToken(token);
        user = { ...user, csrfToken: token };
      } else {
        user = (await fetchMe()) ?? user;
      }
      qc.setQueryData(ME_QUERY_KEY, user);
      setSignedOut(false);
      return user;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST', skipAuthRedirect: true });
    } catch {
      // session may already be gone
    }
    setCsrfToken(null);
    setSignedOut(true);
    clearUserData(qc);
    qc.setQueryData(ME_QUERY_KEY, null);
  }, [qc]);

  const setLocale = useCallback(
    async (lang: Language) => {
      await changeLanguage(lang, true);
      const current = qc.getQueryData<Me | null>(ME_QUERY_KEY);
      if (current) {
        try {
          await apiFetch('/api/auth/locale', { method: 'PUT', body: { locale: lang } });
          qc.setQueryData(ME_QUERY_KEY, { ...current, locale: lang });
        } catch {
          // UI language already switched; the server preference is best-effort
        }
      }
      // Texts the server renders (notifications, to-dos, approval summaries, timelines) come in
      // the request's language: fetch them again in the new one.
      void qc.invalidateQueries();
    },
    [qc],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      me,
      loading: meQuery.isPending,
      error: meQuery.error,
      signedOut,
      hasPermission: (p) => hasPermissionIn(me, p),
      login,
      logout,
      refresh: () => meQuery.refetch(),
      setLocale,
    }),
    [me, meQuery.isPending, meQuery.error, meQuery.refetch, signedOut, login, logout, setLocale],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
