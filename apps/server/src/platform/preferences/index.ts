import './preferences.messages.ts';

export { preferenceRoutes } from './preferences.routes.ts';
export { userPreferences } from './preferences.schema.ts';
