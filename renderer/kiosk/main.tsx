import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { denyNewWindows } from '../common/deny-new-windows';
import { installShellBridge } from '../common/shell-bridge';
import { App } from './App';
import { DemoWatermark } from './DemoWatermark';
import { installDisplayReport } from './display-report';
import './kiosk.css';

denyNewWindows();
installShellBridge();
installDisplayReport();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <DemoWatermark />
  </StrictMode>,
);
