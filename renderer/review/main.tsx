import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { keepFitted } from './fit-window';
import { ErrorBoundary } from './parts/ErrorBoundary';
import './review.css';
import './print.css';

keepFitted();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
