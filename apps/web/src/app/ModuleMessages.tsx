import { type ReactNode, use } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, loadModuleMessages, moduleMessagesReady } from './i18n';

/**
 * Page content waits here (under the layout's Suspense) for the modules' messages, which RequireAuth
 * starts downloading as soon as the user is known — beside the shell and the page's own chunk, so
 * the shell itself carries only its own strings (issue 11: first load) and no raw key ever shows.
 */
export function ModuleMessages({ children }: { children: ReactNode }) {
  useTranslation(); // re-render on a language change
  const lang = currentLanguage();
  if (!moduleMessagesReady(lang)) use(loadModuleMessages(lang));
  return <>{children}</>;
}
