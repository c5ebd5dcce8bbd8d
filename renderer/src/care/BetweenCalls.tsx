import { useCallback, useState } from 'react';
import { reflectHref } from '../offers/reflectionOffers';
import { useServices } from '../ServicesProvider';
import { useStore } from '../store';
import { BREATHING_TOTAL_S } from './breathing';
import { BreathingGuide } from './BreathingGuide';
import { CareBreak } from './CareBreak';
import './care.css';

type Step = 'offer' | 'breathing' | 'done' | 'skipped';

/**
 * "Maintain your calm": a centring moment between calls. Compact enough for
 * the 360 px overlay; one tap starts it, one tap skips it, nothing nags.
 */
export function BetweenCalls({ showReflectionOffer = true }: { showReflectionOffer?: boolean }) {
  const [step, setStep] = useState<Step>('offer');
  const { offers: offerStore } = useServices();
  const offers = useStore(offerStore);
  const waiting = showReflectionOffer ? offers[0] : undefined;
  const finish = useCallback(() => setStep('done'), []);
  const breathe = useCallback(() => setStep('breathing'), []);

  return (
    <div className="between-calls">
      {waiting && (
        <p className="reflect-offer" data-testid="reflect-offer">
          {waiting.interrupted ? 'A call was cut off when Steady closed.' : 'Your last call is ready for a short reflection.'}{' '}
          <a href={reflectHref(waiting.callId)}>Reflect now</a>{' '}
          <button type="button" className="link" onClick={() => offerStore.resolve(waiting.callId)}>
            Not now
          </button>
        </p>
      )}
      <CareBreak onBreathe={breathe} />
      {step === 'skipped' ? (
        <p className="between-skipped">
          <button type="button" className="link" onClick={breathe}>
            Breathe for {BREATHING_TOTAL_S} s
          </button>
        </p>
      ) : (
        <section className="centre" aria-labelledby="centre-h" data-testid="centring-moment">
          <h2 id="centre-h">Maintain your calm</h2>
          {step === 'offer' && (
            <>
              <p>Before the next call, notice one thing you can see and one thing you can hear. Then a few slow breaths.</p>
              <div className="row">
                <button type="button" className="primary" onClick={breathe}>
                  Breathe for {BREATHING_TOTAL_S} s
                </button>
                <button type="button" onClick={() => setStep('skipped')}>
                  Skip
                </button>
              </div>
            </>
          )}
          {step === 'breathing' && <BreathingGuide onDone={finish} onStop={() => setStep('skipped')} />}
          {step === 'done' && (
            <>
              <p>Ready when you are.</p>
              <button type="button" onClick={() => setStep('skipped')}>
                Close
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
