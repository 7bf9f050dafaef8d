import { InstructionPlay, InstructionText } from '../kiosk/candidate/screens-simple';
import { NextButton, TouchButton } from '../kiosk/candidate/controls';
import { useCandidate, useUi } from '../kiosk/candidate/context';
import { Layout } from '../kiosk/candidate/Layout';
import { FinishedIcon, NextIcon, ReplayIcon } from '../kiosk/candidate/pictograms';
import { DayIcon, HelperIcon, KioskIcon, StaysHereIcon } from './pictograms';

/**
 * What happens on the day, before and after the practice at home: a day in the calendar, a screen with
 * headphones, a toetsafnemer beside the candidate, and a phone with a lock (nothing leaves this phone). The
 * spoken welcome says there is no good or bad result and no Dutch is needed; the practice instruction says the
 * afnemer helps. The package has no spoken sentence for "nothing leaves your phone" yet: the lock says it.
 */
export function DayScreen({ onNext }: { onNext: () => void }) {
  return (
    <Layout
      name="day"
      play={<InstructionPlay keys={['welcome', 'practice']} />}
      next={<NextButton ready onNext={onNext} />}
    >
      <div className="day-story" aria-hidden="true">
        <DayIcon />
        <KioskIcon />
        <HelperIcon />
      </div>
      <InstructionText k="welcome" />
      <div className="stays-here" aria-hidden="true" data-testid="stays-here">
        <StaysHereIcon />
      </div>
    </Layout>
  );
}

/** After the practice round at home: practise again, or go back to what happens on the day. */
export function HomePracticeDoneScreen({ onNext }: { onNext: () => void }) {
  const { store } = useCandidate();
  const ui = useUi();
  return (
    <Layout
      name="practice-done"
      tone="done"
      play={<InstructionPlay keys={['practice.again']} />}
      next={<NextButton ready onNext={onNext} />}
    >
      <div className="watch-then-you done-picture" aria-hidden="true">
        <FinishedIcon />
        <NextIcon />
        <DayIcon />
      </div>
      <div className="choice-pair">
        <TouchButton
          label={ui('replay')}
          className="big-choice"
          testId="practice-again"
          onActivate={() => {
            store.setState({ practiceDraft: null });
            void store.send({ type: 'practice.restarted' });
          }}
        >
          <ReplayIcon />
        </TouchButton>
      </div>
    </Layout>
  );
}
