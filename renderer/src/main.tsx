import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectMainCommands } from './api/mainCommands';
import { startAfterCall } from './aftercall/start';

const root = document.getElementById('root');
if (!root) throw new Error('Steady: #root element missing from index.html');
connectMainCommands();
startAfterCall();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
