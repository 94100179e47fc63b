import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/App';
import { initI18n } from './app/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing');

// Messages for the chosen language are fetched before the first render (no raw keys flash).
void initI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  ),
);
