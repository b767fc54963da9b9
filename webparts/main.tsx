import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Boot } from '../src/app/Boot.js';
import { WebPartRoutes } from './WebPartRoutes.js';

/**
 * Starts a web part page (`/webparts/<id>`; src/main.tsx hands over here): the app's own start-up
 * (configuration, host detection, language, sign-in, Graph client), then the web part alone instead
 * of the app shell.
 */
export function mountWebParts(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <BrowserRouter>
        <Boot content={<WebPartRoutes />} />
      </BrowserRouter>
    </StrictMode>,
  );
}
