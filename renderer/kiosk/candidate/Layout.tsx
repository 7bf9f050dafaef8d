import type { ReactNode } from 'react';

/**
 * The one layout of every candidate screen, on the 1600x1000 design canvas: progress path on top, the
 * PLAY control top-left, "volgende" bottom-right, the task in between. Controls never move between
 * screens, so a candidate who found them once finds them again. The layout is left-to-right in every language
 * (the canvas is `dir="ltr"`): the stimulus is the same for everyone; only instruction text runs right to left.
 */
export function Layout(props: {
  name: string;
  /** Identifies the step (screen and item) for tests and the ui.next benchmark. */
  step?: string;
  progress?: ReactNode;
  play: ReactNode;
  /** "Watch again", under PLAY, in the same place on every opgave that has a voorbeeld. */
  watch?: ReactNode;
  /** Help for a candidate who touches nothing (the eye, then the hand), under "watch again". */
  hint?: ReactNode;
  next?: ReactNode;
  tone?: 'calm' | 'watch' | 'task' | 'paused' | 'done';
  children: ReactNode;
}) {
  return (
    <main
      className={`layout tone-${props.tone ?? 'calm'}`}
      data-screen={props.name}
      data-step={`${props.name}:${props.step ?? ''}`}
    >
      <div className="layout-progress">{props.progress}</div>
      <div className="layout-play">{props.play}</div>
      {props.watch && <div className="layout-watch">{props.watch}</div>}
      {props.hint && <div className="layout-hint">{props.hint}</div>}
      <div className="layout-main">{props.children}</div>
      <div className="layout-next">{props.next}</div>
    </main>
  );
}
