import './app/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/App';

const container = document.getElementById('root');
if (!container) throw new Error('#root element missing');

createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
