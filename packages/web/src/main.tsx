import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/styles.css';
// Designsystemet's custom elements (ds-field, ds-error-summary, ds-pagination, …) and polyfills.
import '@digdir/designsystemet-web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './app/i18n';

initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker lets the offline pages (food-waste quick entry) load without a network.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
