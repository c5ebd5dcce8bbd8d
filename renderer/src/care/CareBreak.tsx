import { useEffect, useState } from 'react';
import { shouldOfferBreak, hardCallsInWindow } from '@core/reflection';
import { useServices } from '../ServicesProvider';
import { hardCallEnds } from '../storage/queries';
import { useSetting } from '../storage/useSetting';
import { useStore } from '../store';

/**
 * "Care for you": after a run of hard calls (the count and window come from
 * the profile), a gentle, dismissible offer of a short break. Re-checked each
 * time a call ends.
 */
export function CareBreak({ onBreathe }: { onBreathe?: () => void }) {
  const { db, offers, profile: activeProfile } = useServices();
  const [ends, setEnds] = useState<number[]>([]);
  const profile = useStore(activeProfile);
  const dismissed = useSetting('careBreakDismissedAt');
  const [taking, setTaking] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () => {
      const since = Date.now() - profile.care.hardCallWindowMinutes * 60_000;
      hardCallEnds(db, since).then(
        (found) => live && setEnds(found),
        () => undefined, // the break is a kindness, not a feature worth an error message
      );
    };
    load();
    const offOffers = offers.subscribe(load);
    const offChanges = db.changes.subscribe(load);
    return () => {
      live = false;
      offOffers();
      offChanges();
    };
  }, [profile]);

  const now = Date.now();
  if (!dismissed.loaded || !shouldOfferBreak(ends, profile.care, now, dismissed.value)) return null;
  const count = hardCallsInWindow(ends, profile.care, now).length;
  const window = profile.care.hardCallWindowMinutes >= 60 && profile.care.hardCallWindowMinutes % 60 === 0
    ? profile.care.hardCallWindowMinutes === 60 ? 'the last hour' : `the last ${profile.care.hardCallWindowMinutes / 60} hours`
    : `the last ${profile.care.hardCallWindowMinutes} minutes`;

  return (
    <section className="care-break" aria-labelledby="care-break-h" data-testid="care-break">
      <h2 id="care-break-h">Care for you</h2>
      {taking ? (
        <p>Good. Step away from the screen if you can: stretch, get some water, look at something far away. Come back when you are ready.</p>
      ) : (
        <p>
          That’s {count} hard calls in {window}. That is a lot to hold. If you can, take a few minutes for yourself before the next one.
        </p>
      )}
      <div className="row">
        {!taking && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setTaking(true);
              onBreathe?.();
            }}
          >
            Take a short break
          </button>
        )}
        <button type="button" onClick={() => void dismissed.save(Date.now())}>
          {taking ? 'I’m back' : 'Not now'}
        </button>
      </div>
    </section>
  );
}
