import { useEffect, useState } from 'react';
import {
  PRACTICE_LANGUAGES_PATH,
  PracticeContent,
  PracticeLanguages,
  practiceAppUrl,
  practicePaths,
} from '../../../src/shared/practice/content';
import { Panel } from '../parts/common';
import { QrCode } from '../parts/QrCode';
// The letter is in the candidate's script too (Arabic, Ethiopic): the same bundled fonts as the kiosk.
import '../../common/fonts';
import '../letter.css';

/** The practice app's own files, served by the same results service at /oefenen/ (no API, no login). */
const appFile = (path: string) => `/oefenen/${path}`;

async function readJson(path: string): Promise<unknown> {
  const response = await fetch(appFile(path));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

interface Sitting {
  date: string;
  time: string;
  place: string;
  bring: string;
}

const BRING_DEFAULT = 'Een identiteitsbewijs en, als u die draagt, uw bril.';

/**
 * The invitation letter (issue 21) for a consulent or beheerder to print: the sitting's date, time and place,
 * what to bring, and a QR code that opens the practice app in the candidate's language; in that language the
 * package's own welcome text and pictograms, then the same explanation in Dutch for whoever helps reading.
 * Nothing is stored: the letter is made in the browser and printed (or saved as PDF) from there.
 */
export function LetterView() {
  const [languages, setLanguages] = useState<PracticeLanguages | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [language, setLanguage] = useState('nl');
  const [content, setContent] = useState<PracticeContent | null>(null);
  const [sitting, setSitting] = useState<Sitting>({ date: '', time: '', place: '', bring: BRING_DEFAULT });

  useEffect(() => {
    readJson(PRACTICE_LANGUAGES_PATH)
      .then((value) => setLanguages(PracticeLanguages.parse(value)))
      .catch(() => setProblem('De oefenapp is niet gebouwd of niet bereikbaar: de talen zijn onbekend.'));
  }, []);
  useEffect(() => {
    setContent(null);
    readJson(practicePaths(language).content)
      .then((value) => setContent(PracticeContent.parse(value)))
      .catch(() => setProblem(`De oefenapp heeft geen inhoud in de taal "${language}".`));
  }, [language]);

  const set = (field: keyof Sitting) => (event: { target: { value: string } }) =>
    setSitting((before) => ({ ...before, [field]: event.target.value }));

  return (
    <div className="letter-page">
      <Panel title="Uitnodigingsbrief">
        <div className="letter-tools">
          <p className="muted">
            Een brief van één A4 voor de kandidaat, met een QR-code naar de oefenapp in de gekozen taal. Er
            wordt niets opgeslagen; druk af of bewaar als PDF.
          </p>
          {problem && <p role="alert">{problem}</p>}
          <div className="letter-form">
            <label>
              Taal
              <select value={language} onChange={(event) => setLanguage(event.target.value)}>
                {(languages ?? []).map((l) => (
                  <option key={l.language} value={l.language}>
                    {l.nameNl} ({l.name})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Datum
              <input type="date" value={sitting.date} onChange={set('date')} />
            </label>
            <label>
              Tijd
              <input type="time" value={sitting.time} onChange={set('time')} />
            </label>
            <label>
              Plaats
              <input type="text" value={sitting.place} onChange={set('place')} />
            </label>
            <label className="wide">
              Meenemen
              <textarea rows={2} value={sitting.bring} onChange={set('bring')} />
            </label>
          </div>
          <button type="button" onClick={() => window.print()} disabled={!content}>
            Afdrukken of bewaren als PDF
          </button>
        </div>
      </Panel>
      {content && <Letter content={content} sitting={sitting} />}
    </div>
  );
}

/** The date and time as the candidate's language writes them, where the browser knows that language. */
function localDate(date: string, time: string, language: string): { date: string; time: string } {
  if (!date) return { date: '', time };
  const when = new Date(`${date}T${time || '12:00'}`);
  const format = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat([language, 'nl'], options).format(when);
    } catch {
      return new Intl.DateTimeFormat('nl', options).format(when);
    }
  };
  return { date: format({ dateStyle: 'full' }), time: time ? format({ timeStyle: 'short' }) : '' };
}

function Letter({ content, sitting }: { content: PracticeContent; sitting: Sitting }) {
  const { language, direction, nameNl, texts } = content.instructions;
  const url = practiceAppUrl(location.origin, language);
  const own = localDate(sitting.date, sitting.time, language);
  const dutch = localDate(sitting.date, sitting.time, 'nl');
  const spoken = Boolean(texts.welcome?.audio);
  return (
    <article className="letter" aria-label="Uitnodigingsbrief" data-language={language}>
      <section className="letter-candidate" lang={language} dir={direction} data-testid="letter-candidate">
        <ul className="letter-facts">
          <li>
            <FactIcon kind="date" />
            <span>{own.date}</span>
          </li>
          <li>
            <FactIcon kind="time" />
            <span dir="auto">{own.time}</span>
          </li>
          <li>
            <FactIcon kind="place" />
            <span lang="nl" dir="auto">
              {sitting.place}
            </span>
          </li>
          <li>
            <FactIcon kind="bring" />
            <span lang="nl" dir="auto">
              {sitting.bring}
            </span>
          </li>
        </ul>
        <div className="letter-practice">
          <p className="letter-welcome">{texts.welcome?.text}</p>
          <figure className="letter-qr" data-testid="letter-qr">
            <QrCode text={url} label={`QR-code: ${url}`} size="38mm" />
            <figcaption dir="ltr">{url}</figcaption>
          </figure>
        </div>
      </section>
      <section className="letter-dutch" lang="nl" dir="ltr">
        <h2>Uitnodiging voor de leerbaarheidstoets — voor wie helpt met lezen</h2>
        <p>
          U bent uitgenodigd voor de leerbaarheidstoets op <strong>{dutch.date || '…'}</strong> om{' '}
          <strong>{dutch.time || '…'}</strong> in <strong>{sitting.place || '…'}</strong>. Neem mee:{' '}
          {sitting.bring}
        </p>
        <p>
          De toets gaat over leren, niet over wat u al kent; u hoeft geen Nederlands te kennen. Er is geen
          goed of fout resultaat om u voor te schamen. Een toetsafnemer is erbij en helpt. De uitleg staat
          hierboven in het {nameNl}.
        </p>
        <p>
          Thuis oefenen kan op een telefoon of tablet: scan de QR-code, dan opent een oefening in het {nameNl}{' '}
          {spoken
            ? 'met plaatjes en gesproken uitleg'
            : 'met plaatjes en geschreven uitleg (gesproken uitleg is er in deze taal nog niet)'}
          . Er is geen inloggen nodig, en er gaan geen gegevens van de telefoon naar de gemeente of naar
          anderen.
        </p>
      </section>
    </article>
  );
}

/** Pictograms so the facts read without words: calendar, clock, map pin, bag. */
function FactIcon({ kind }: { kind: 'date' | 'time' | 'place' | 'bring' }) {
  const shapes = {
    date: (
      <>
        <rect x="12" y="18" width="76" height="70" rx="8" />
        <path d="M12 38 H88 M32 10 V26 M68 10 V26" />
      </>
    ),
    time: (
      <>
        <circle cx="50" cy="50" r="40" />
        <path d="M50 24 V50 L68 62" />
      </>
    ),
    place: (
      <>
        <path d="M50 92 C30 64 20 50 20 36 a30 30 0 0 1 60 0 C80 50 70 64 50 92 Z" />
        <circle cx="50" cy="36" r="10" />
      </>
    ),
    bring: (
      <>
        <rect x="14" y="34" width="72" height="54" rx="8" />
        <path d="M36 34 V22 H64 V34" />
      </>
    ),
  } as const;
  return (
    <svg aria-hidden="true" viewBox="0 0 100 100" className="fact-icon">
      <g fill="none" stroke="currentColor" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round">
        {shapes[kind]}
      </g>
    </svg>
  );
}
