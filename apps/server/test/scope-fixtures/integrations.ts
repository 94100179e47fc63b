import { NAME, type ScopeFixtureFile } from './types.ts';

/**
 * Personal API tokens (SPEC 1.11) are the owner's alone: another user revoking one gets the
 * unknown-id answer, and the owner's token list never shows up in anyone else's. Webhook and
 * admin token routes are company-wide behind their permissions (the 403 sweep covers them).
 */
export const integrationFixtures: ScopeFixtureFile = {
  async setup({ owner, fixture }) {
    const res = await owner.post('/api/me/api-tokens', { name: NAME, expiresOn: null });
    if (res.statusCode !== 201) throw new Error(`api token fixture: ${res.body}`);
    fixture.api_token = res.json().id;
  },
  bodies: {
    'DELETE /api/me/api-tokens/:id': () => undefined,
  },
};
