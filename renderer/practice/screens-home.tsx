import { InstructionPlay, InstructionText } from '../kiosk/candidate/screens-simple';
import { NextButton, TouchButton } from '../kiosk/candidate/controls';
import { useCandidate, useUi } from '../kiosk/candidate/context';
import { Layout } from '../kiosk/candidate/Layout';
import { FinishedIcon, NextIcon, ReplayIcon } from '../kiosk/candidate/pictograms';
import { DayIcon, HelperIcon, KioskIcon, StaysHereIcon } from './pictograms';

/**
 * What happens on the day, before and after the practice at home, in pictures and in the candidate's language:
 * a day in the calendar, a screen with headphones, a toetsafnemer beside the candidate (`home.day`: no pass or
 * fail, the afnemer explains and helps), and a phone with a lock beside `home.private` (nothing is sent, no name
 * asked). PLAY speaks both where the language has a voice; the kiosk's spoken welcome follows on the next screen.
 */
export function DayScreen({ onNext }: { onNext: () => void }) {
  return (
    <Layout
      name="day"
      play={<InstructionPlay keys={['home.day', 'home.private']} />}
      next={<NextButton ready onNext={onNext} />}
    >
      <div className="day-story" aria-hidden="true">
        <DayIcon />
        <KioskIcon />
        <HelperIcon />
      </div>
      <InstructionText k="home.day" />
      <div className="stays-here" data-testid="stays-here">
        <div className="stays-here-picture" aria-hidden="true">
          <StaysHereIcon />
        </div>
        <InstructionText k="home.private" heading={false} />
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
