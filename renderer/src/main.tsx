import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectMainCommands } from './api/mainCommands';
import { startAfterCall } from './aftercall/start';
import { guardBrowserNavigation } from './security/browserGuard';

const root = document.getElementById('root');
if (!root) throw new Error('Steady: #root element missing from index.html');
// In the desktop app main refuses navigation and window.open; in a plain browser the page does it itself.
if (!window.steady) guardBrowserNavigation();
connectMainCommands();
startAfterCall();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
