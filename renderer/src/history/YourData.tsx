import { useEffect, useId, useState } from 'react';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionDaysProblem } from '@core/retention';
import { useServices } from '../ServicesProvider';
import { StorageNotice } from '../storage/StorageNotice';
import { useSetting } from '../storage/useSetting';
import { DataExitButtons } from './DataExitButtons';
import { useDataExits } from './dataExits';

/** What Steady keeps, for how long, and the agent's two exits: take it all, or wipe it all. */
export function YourData({ onDeleted }: { onDeleted: () => void }) {
  const { afterCall } = useServices();
  const retention = useSetting('retention');
  const autoOpen = useSetting('openReflectionAfterCall');
  const [keep, setKeep] = useState(retention.value.keepTranscripts);
  const [days, setDays] = useState(String(retention.value.transcriptDays));
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const exits = useDataExits(onDeleted);
  // The latest word wins, whether it came from the retention form or an exit.
  useEffect(() => {
    if (exits.status) setStatus(exits.status);
  }, [exits.status]);
  const id = useId();

  useEffect(() => {
    setKeep(retention.value.keepTranscripts);
    setDays(String(retention.value.transcriptDays));
  }, [retention.value]);

  const saveRetention = async () => {
    const n = Number(days);
    const bad = keep ? retentionDaysProblem(n) : null;
    if (bad) return setFormProblem(bad);
    setFormProblem(null);
    const next = { keepTranscripts: keep, transcriptDays: keep ? n : retention.value.transcriptDays };
    if (await retention.save(next)) {
      const purged = await afterCall.runRetentionNow();
      setStatus(purged ? `Saved. Removed the words of ${purged} older call${purged === 1 ? '' : 's'}.` : 'Saved.');
    }
  };

  return (
    <section className="your-data" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="sr-only">Your data</h2>
      <p className="muted small">Everything stays on this computer. Card numbers, long numbers and email addresses are removed before anything is saved.</p>
      <fieldset>
        <legend>Transcripts</legend>
        <label className="check">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep the words of my calls
        </label>
        <label className="days">
          Delete them after{' '}
          <input
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            value={days}
            disabled={!keep}
            onChange={(e) => setDays(e.target.value)}
            aria-describedby={formProblem ? `${id}-days-problem` : undefined}
          />{' '}
          days
        </label>
        {formProblem && (
          <p id={`${id}-days-problem`} className="form-problem" role="alert">
            {formProblem}
          </p>
        )}
        <p className="muted small">Cue levels, cards and your reflections are kept until you delete them.</p>
        <button type="button" onClick={() => void saveRetention()}>
          Save
        </button>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={autoOpen.value} onChange={(e) => void autoOpen.save(e.target.checked)} /> Open the reflection when a call ends
      </label>
      <StorageNotice problem={retention.problem ?? autoOpen.problem ?? exits.problem} />
      <DataExitButtons exits={exits} />
      {status && <p role="status">{status}</p>}
    </section>
  );
}
