/**
 * Pictograms only the home practice needs, drawn like the kiosk's (renderer/kiosk/candidate/pictograms.tsx):
 * plain shapes in currentColor, hidden from assistive technology.
 */
const common = { 'aria-hidden': true, focusable: false, xmlns: 'http://www.w3.org/2000/svg' } as const;

/** A calendar page with one day ringed: "on the day of the test". */
export const DayIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <rect x="12" y="18" width="76" height="70" rx="8" fill="none" stroke="currentColor" strokeWidth="7" />
    <path d="M12 38 H88 M32 10 V26 M68 10 V26" stroke="currentColor" strokeWidth="7" strokeLinecap="round" />
    <circle cx="62" cy="64" r="12" fill="none" stroke="currentColor" strokeWidth="6" />
  </svg>
);

/** A screen with headphones beside it: the kiosk, where the candidate listens and taps. */
export const KioskIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <rect x="6" y="22" width="62" height="44" rx="5" fill="none" stroke="currentColor" strokeWidth="6" />
    <path d="M28 82 H46 M37 66 V82" stroke="currentColor" strokeWidth="6" strokeLinecap="round" />
    <path d="M76 56 V44 a10 10 0 0 1 20 0 V56" fill="none" stroke="currentColor" strokeWidth="5" />
    <rect x="72" y="52" width="8" height="14" rx="3" fill="currentColor" />
    <rect x="92" y="52" width="6" height="14" rx="3" fill="currentColor" />
  </svg>
);

/** Two people side by side, one a little taller: someone is there to help. */
export const HelperIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <circle cx="32" cy="34" r="11" fill="currentColor" />
    <path d="M14 92 C14 64 22 52 32 52 C42 52 50 64 50 92 Z" fill="currentColor" />
    <circle cx="68" cy="26" r="12" fill="currentColor" />
    <path d="M50 92 C50 58 58 44 68 44 C78 44 88 58 88 92 Z" fill="currentColor" />
  </svg>
);

/** A phone with a closed lock on it: what happens here stays on this phone. */
export const StaysHereIcon = () => (
  <svg {...common} viewBox="0 0 100 100" className="icon">
    <rect x="26" y="6" width="48" height="88" rx="8" fill="none" stroke="currentColor" strokeWidth="6" />
    <rect x="37" y="48" width="26" height="22" rx="3" fill="currentColor" />
    <path d="M42 48 V40 a8 8 0 0 1 16 0 V48" fill="none" stroke="currentColor" strokeWidth="5" />
  </svg>
);
