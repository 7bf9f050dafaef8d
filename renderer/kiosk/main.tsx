import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installShellBridge } from '../common/shell-bridge';
import { App } from './App';
import './kiosk.css';

installShellBridge();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
