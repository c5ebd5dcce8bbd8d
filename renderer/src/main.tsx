import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectMainCommands } from './api/mainCommands';
import { guardBrowserNavigation } from './security/browserGuard';
import { createServices } from './services';
import { ServicesProvider } from './ServicesProvider';

const root = document.getElementById('root');
if (!root) throw new Error('Steady: #root element missing from index.html');
// In the desktop app main refuses navigation and window.open; in a plain browser the page does it itself.
if (!window.steady) guardBrowserNavigation();
// The page's one set of services, built here and handed down; nothing is built on import.
const services = createServices();
connectMainCommands(services.commands, services.api);
services.afterCall.start();
createRoot(root).render(
  <StrictMode>
    <ServicesProvider services={services}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
