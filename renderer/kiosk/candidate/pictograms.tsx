/**
 * The candidate screens speak in pictograms. Each is a plain shape in currentColor, hidden from
 * assistive technology: the control that carries it has the accessible name.
 */
const common = { 'aria-hidden': true, focusable: false, xmlns: 'http://www.w3.org/2000/svg' } as const;

export const PlayIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <path d="M34 22 L80 50 L34 78 Z" fill="currentColor" />
  </svg>
);

export const ReplayIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <path
      d="M50 18a32 32 0 1 1-30 21"
      fill="none"
      stroke="currentColor"
      strokeWidth="10"
      strokeLinecap="round"
    />
    <path d="M12 20 L34 26 L18 44 Z" fill="currentColor" />
  </svg>
);

export const NextIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon icon-next">
    <path
      d="M18 50 H74 M52 26 L78 50 L52 74"
      fill="none"
      stroke="currentColor"
      strokeWidth="12"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const EyeIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <path
      d="M6 50 C26 18 74 18 94 50 C74 82 26 82 6 50 Z"
      fill="none"
      stroke="currentColor"
      strokeWidth="8"
    />
    <circle cx="50" cy="50" r="14" fill="currentColor" />
  </svg>
);

/** An open hand pointing at the task: "now you". */
export const YourTurnIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="50" cy="26" r="14" fill="currentColor" />
    <path d="M24 92 C24 62 34 48 50 48 C66 48 76 62 76 92 Z" fill="currentColor" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon icon-check">
    <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="8" />
    <path
      d="M28 52 L44 68 L74 36"
      fill="none"
      stroke="currentColor"
      strokeWidth="10"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

/** Deliberately soft: a circle arrow, never a red cross. */
export const TryAgainIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="8" strokeDasharray="10 8" />
    <path
      d="M50 28a22 22 0 1 1-20 13"
      fill="none"
      stroke="currentColor"
      strokeWidth="8"
      strokeLinecap="round"
    />
    <path d="M22 28 L38 34 L26 46 Z" fill="currentColor" />
  </svg>
);

/** A person raising a hand: "call the afnemer". */
export const CallAfnemerIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="44" cy="30" r="12" fill="currentColor" />
    <path d="M24 94 C24 64 32 48 44 48 C56 48 62 58 64 70 L64 94 Z" fill="currentColor" />
    <path d="M56 52 L74 14" stroke="currentColor" strokeWidth="10" strokeLinecap="round" />
  </svg>
);

/** Two upright bars in a ring: the test waits (the pause screen). */
export const PausedIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="50" cy="50" r="42" fill="none" stroke="currentColor" strokeWidth="7" />
    <rect x="34" y="30" width="11" height="40" rx="4" fill="currentColor" />
    <rect x="55" y="30" width="11" height="40" rx="4" fill="currentColor" />
  </svg>
);

/** An hourglass: the kiosk is finding its host again (shown with no words, see CandidateApp's HostDownScreen). */
export const WaitingIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <path d="M26 10 H74 M26 90 H74" stroke="currentColor" strokeWidth="8" strokeLinecap="round" />
    <path
      d="M32 12 C32 36 46 42 50 50 C46 58 32 64 32 88 H68 C68 64 54 58 50 50 C54 42 68 36 68 12 Z"
      fill="none"
      stroke="currentColor"
      strokeWidth="6"
      strokeLinejoin="round"
    />
    <path d="M40 80 C42 70 48 66 50 62 C52 66 58 70 60 80 Z" fill="currentColor" />
  </svg>
);

/** A check mark in a filled disc: the test is done (the end screen). */
export const FinishedIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="50" cy="50" r="44" fill="currentColor" />
    <path
      d="M28 52 L43 67 L73 35"
      fill="none"
      stroke="#fff"
      strokeWidth="10"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

/** A screen with a touching finger: the welcome picture. */
export const WelcomeIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <rect x="10" y="16" width="80" height="54" rx="6" fill="none" stroke="currentColor" strokeWidth="6" />
    <path d="M36 86 H64 M50 70 V86" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    <circle cx="60" cy="44" r="8" fill="currentColor" />
  </svg>
);

/** The demonstrating hand: a pointing finger drawn in outline so it reads over any picture. */
export const HandIcon = () => (
  <svg {...common} viewBox="0 0 100 120" className="hand-icon">
    <path
      d="M40 8 C46 8 50 12 50 18 V52 L52 42 C54 36 64 36 64 44 V56 L66 48 C68 42 78 42 78 50 V60 L80 56 C82 50 92 52 92 60 V86 C92 104 80 114 62 114 H54 C42 114 34 108 28 98 L12 72 C8 66 14 58 22 62 L30 70 V18 C30 12 34 8 40 8 Z"
      fill="#fff8ef"
      stroke="#1d2a33"
      strokeWidth="5"
      strokeLinejoin="round"
    />
  </svg>
);
