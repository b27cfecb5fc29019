import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { HostContext } from './host/host-context';
import { pickHost } from './host/pick-host';
import { withRevisions } from './host/revisions';
import { initI18n } from './i18n/i18n';
import './styles/app.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostContext.Provider value={withRevisions(pickHost())}>
      <App />
    </HostContext.Provider>
  </StrictMode>,
);
