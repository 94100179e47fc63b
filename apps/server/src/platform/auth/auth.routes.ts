import { z } from 'zod';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { ctxOf, SESSION_COOKIE } from '../http/auth-hook.ts';
import { LOCALES } from '../i18n/locale.ts';
import type { Principal } from '../permissions/principal.ts';
import { changePassword, login, logout, setLocale } from './auth.service.ts';

const Me = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  deptId: z.number(),
  deptName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  locale: z.enum(LOCALES),
  csrfToken: z.string(),
});

const me = (p: Principal): z.infer<typeof Me> => ({
  id: p.userId,
  username: p.username,
  name: p.name,
  deptId: p.deptId,
  deptName: p.deptName,
  roles: p.roles,
  permissions: [...p.grants.keys()].sort(),
  locale: p.locale,
  csrfToken: p.csrfToken,
});

export function authRoutes(app: ZodApp, db: Db, loginsPerMinute: number) {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: loginsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ login: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: z.object({ user: Me }) },
      },
    },
    async (req, reply) => {
      const { token, principal } = await login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: String(req.id),
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
      });
      return { user: me(principal) };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    await logout(ctxOf(req, db));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (req) =>
    me(ctxOf(req, db).principal),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ oldPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      await changePassword(ctxOf(req, db), req.body.oldPassword, req.body.newPassword);
      return { ok: true };
    },
  );

  app.put('/auth/locale', { schema: { tags: ['auth'], body: z.object({ locale: z.enum(LOCALES) }) } }, async (req) => {
    await setLocale(ctxOf(req, db), req.body.locale);
    return { ok: true };
  });
}
