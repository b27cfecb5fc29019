import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { guardedHost } from './host/guarded-host';
import { HostContext } from './host/host-context';
import { pickHost } from './host/pick-host';
import { withRevisions } from './host/revisions';
import { initI18n } from './i18n/i18n';
import './styles/app.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostContext.Provider value={withRevisions(guardedHost(pickHost()))}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
