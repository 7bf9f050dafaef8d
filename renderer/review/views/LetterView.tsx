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
import { LETTER_LABELS, letterDateTime } from '../letter-text';
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

/** The form names its fields with the letter's own Dutch labels. */
const FORM = LETTER_LABELS.nl;
const BRING_DEFAULT = 'Een identiteitsbewijs en, als u die draagt, uw bril.';

/**
 * The invitation letter (issue 21) for a consulent or beheerder to print: the sitting's date, time and place,
 * what to bring, and a QR code that opens the practice app in the candidate's language; in that language the
 * facts with their labels (letter-text.ts), the package's own welcome, day and privacy texts, then the same
 * explanation in Dutch for whoever helps reading. Nothing is stored: the letter is made in the browser and
 * printed (or saved as PDF) from there.
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
              {FORM.date}
              <input type="date" value={sitting.date} onChange={set('date')} />
            </label>
            <label>
              {FORM.time}
              <input type="time" value={sitting.time} onChange={set('time')} />
            </label>
            <label>
              {FORM.place}
              <input type="text" value={sitting.place} onChange={set('place')} />
            </label>
            <label className="wide">
              {FORM.bring}
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

function Letter({ content, sitting }: { content: PracticeContent; sitting: Sitting }) {
  const { language, direction, nameNl, texts } = content.instructions;
  const url = practiceAppUrl(location.origin, language);
  const own = letterDateTime(sitting.date, sitting.time, language);
  const dutch = letterDateTime(sitting.date, sitting.time, 'nl');
  const labels = LETTER_LABELS[language];
  const spoken = Boolean(texts.welcome.audio);
  // The place and what to bring are typed in Dutch by the consulent: marked so, for screen readers and bidi.
  const facts = [
    { kind: 'date', value: own.date, lang: language },
    { kind: 'time', value: own.time, lang: language },
    { kind: 'place', value: sitting.place, lang: 'nl' },
    { kind: 'bring', value: sitting.bring, lang: 'nl' },
  ] as const;
  return (
    <article className="letter" aria-label="Uitnodigingsbrief" data-language={language}>
      <section className="letter-candidate" lang={language} dir={direction} data-testid="letter-candidate">
        <ul className="letter-facts">
          {facts.map((fact) => (
            <li key={fact.kind} data-fact={fact.kind}>
              <FactIcon kind={fact.kind} />
              <span className="fact-label">{labels[fact.kind]}</span>
              <span className="fact-value" lang={fact.lang} dir="auto">
                {fact.value}
              </span>
            </li>
          ))}
        </ul>
        <div className="letter-practice">
          <div className="letter-explain">
            <p>{texts.welcome.text}</p>
            <p>{texts['home.day'].text}</p>
          </div>
          <figure className="letter-qr" data-testid="letter-qr">
            <QrCode text={url} label={`QR-code: ${url}`} size="38mm" />
            <figcaption dir="ltr">{url}</figcaption>
          </figure>
        </div>
        <p className="letter-private">{texts['home.private'].text}</p>
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
