import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, Root } from './app/App';
import { fetchMe, ME_QUERY_KEY } from './app/AuthContext';
import { initI18n } from './app/i18n';
import { preloadStartPage } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing');

// The first page's code downloads beside the messages, not after them: the sign-in page, or the
// shell and the page of the address being opened.
if (window.location.pathname === '/login') void import('./app/LoginPage');
else preloadStartPage(window.location.pathname);

// The session check runs beside them too (AuthProvider reads the same query).
void queryClient.prefetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });

// Messages for the chosen language are fetched before the first render (no raw keys flash).
void initI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
