export { apiTokenRoutes } from './api-tokens.routes.ts';
export { apiTokens } from './api-tokens.schema.ts';
export {
  createApiToken,
  listAllApiTokens,
  listMyApiTokens,
  loadToken,
  loadTokenPrincipal,
  MAX_ACTIVE_TOKENS,
  revokeAnyApiToken,
  revokeMyApiToken,
  TOKEN_PREFIX,
} from './api-tokens.service.ts';
