import { useEffect, useRef, useState } from 'react';
import type { EvaluationResult } from '@core/calibration';
import { thresholdsForNote } from '@core/model';
import { DEFAULT_PROFILE, type Profile, type ProfileProblem } from '@core/profile';
import { ProfileFileInput } from '../profile/ProfileFileInput';
import { readProfileFile } from '../profile/loadProfile';
import { MetricsTable } from './MetricsTable';
import { useServices } from '../ServicesProvider';
import type { Workbench } from './useWorkbench';

interface Props {
  wb: Workbench;
  draft: Profile;
  metrics: EvaluationResult | null;
}

/** The draft beside a second profile on the same calls: what the change buys and what it costs. */
export function ComparePanel({ wb, draft, metrics }: Props) {
  const { profile: activeProfile } = useServices();
  const [other, setOther] = useState<{ name: string; profile: Profile } | null>(null);
  const otherLinesNote = other ? thresholdsForNote(other.profile) : null;
  const [otherMetrics, setOtherMetrics] = useState<EvaluationResult | null>(null);
  const [problems, setProblems] = useState<{ file: string; list: ProfileProblem[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const hasCalls = metrics !== null;
  useEffect(() => {
    if (!other || !hasCalls) return;
    let live = true;
    wb.client()
      .request({ type: 'evaluate', profile: other.profile }, 'metrics')
      .then((r) => live && setOtherMetrics(r.metrics))
      .catch(() => live && setOtherMetrics(null));
    return () => {
      live = false;
    };
  }, [wb, other, wb.generation, hasCalls]);

  async function fromFile(file: File | undefined) {
    if (!file) return;
    const outcome = await readProfileFile(file);
    if (!outcome.ok) {
      setProblems({ file: outcome.fileName, list: outcome.problems });
      return;
    }
    setProblems(null);
    setOther({ name: outcome.profile.name, profile: outcome.profile });
  }

  return (
    <section className="wb-panel" aria-labelledby="wb-cmp-h">
      <h2 id="wb-cmp-h">Compare profiles</h2>
      <div className="wb-row">
        <button type="button" onClick={() => setOther({ name: `${activeProfile.get().name} (active)`, profile: activeProfile.get() })}>
          Compare with the active profile
        </button>
        <button type="button" onClick={() => setOther({ name: 'Steady defaults', profile: DEFAULT_PROFILE })}>
          With the defaults
        </button>
        <button type="button" onClick={() => setOther({ name: `Snapshot of “${draft.name}”`, profile: draft })}>
          Keep this draft as B
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          Profile file…
        </button>
        <ProfileFileInput inputRef={input} testId="compare-profile-file" onFile={(file) => void fromFile(file)} />
        {other && (
          <button type="button" onClick={() => setOther(null)}>
            Stop comparing
          </button>
        )}
      </div>
      {problems && (
        <div role="alert" className="wb-error">
          {problems.file} cannot be compared:
          <ul>
            {problems.list.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(whole file)'}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {otherLinesNote && (
        // Comparing against a profile from before a retrain is how its lines get checked: say what B's figures are.
        <p className="wb-warning" data-testid="compare-thresholds-for">
          B: {otherLinesNote}
        </p>
      )}
      {other && metrics && otherMetrics && (
        <MetricsTable caption={`By customer segment. A: “${draft.name}” (draft); under each figure, B: ${other.name}`} metrics={metrics} other={{ name: other.name, metrics: otherMetrics }} />
      )}
      {other && !metrics && <p className="muted">Load calls to compare.</p>}
    </section>
  );
}
