import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageCode } from '../../src/shared/items';
import { PracticeContent, practicePaths } from '../../src/shared/practice/content';
import { PracticeApp } from './PracticeApp';

/**
 * `?lang=xx` chooses the instruction language (Dutch when absent or unknown). The page loads that language's
 * practice content from its own folder, offers the matching web app manifest, and registers the service worker
 * that keeps the app and that language's files for offline use. Nothing is stored but that cache.
 */
const params = new URLSearchParams(location.search);
const requested = LanguageCode.catch('nl').parse(params.get('lang'));
// `&pace=fast` (tests) shortens the demonstrating hand, as on the kiosk's test entry; practice is never scored.
const pace = params.get('pace') === 'fast' ? 'fast' : 'normal';
const root = createRoot(document.getElementById('root')!);

async function loadContent(language: string): Promise<PracticeContent | null> {
  try {
    const response = await fetch(practicePaths(language).content);
    return response.ok ? PracticeContent.parse(await response.json()) : null;
  } catch {
    return null;
  }
}

function offerManifest(language: string) {
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = practicePaths(language).manifest;
  document.head.append(link);
}

async function start() {
  // A language the package has no instructions for falls back to Dutch rather than to an empty page.
  const language = (await loadContent(requested)) ? requested : 'nl';
  const content = await loadContent(language);
  if (!content) {
    root.render(
      <p role="alert" className="practice-problem" lang="nl">
        De oefening kon niet laden. Probeer het later opnieuw.
      </p>,
    );
    return;
  }
  document.documentElement.lang = language;
  offerManifest(language);
  root.render(
    <StrictMode>
      <PracticeApp content={content} pace={pace} />
    </StrictMode>,
  );
  // Ready for offline use once the worker has kept this language's files (sw.ts).
  if ('serviceWorker' in navigator) {
    void navigator.serviceWorker
      .register(`sw.js?lang=${language}`, { type: 'module' })
      .catch(() => undefined);
  }
}

void start();
