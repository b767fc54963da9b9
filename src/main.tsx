import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Boot } from './app/Boot.js';
import { REDIRECT_BRIDGE_PATH } from './app/auth/redirectBridge.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const path = window.location.pathname;
if (path === REDIRECT_BRIDGE_PATH) {
  // msal-browser 5's redirect bridge: a popup or hidden iframe landed here with the sign-in
  // response; hand it to the window that started the sign-in. The app itself does not start.
  void import('@azure/msal-browser/redirect-bridge').then(({ broadcastResponseToMainFrame }) => broadcastResponseToMainFrame());
} else if (path === '/privacy' || path === '/terms') {
  // The manifest's privacy and terms pages: public, no sign-in (src/app/tabs/legal/).
  void import('./app/tabs/legal/mountLegalPage.js').then(({ mountLegalPage }) => mountLegalPage(container));
} else if (path.startsWith('/webparts/')) {
  // A SharePoint web part: its own thin host, without the app shell (webparts/README.md).
  void import('../webparts/main.js').then(({ mountWebParts }) => mountWebParts(container));
} else {
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <Boot />
      </BrowserRouter>
    </StrictMode>,
  );
}
