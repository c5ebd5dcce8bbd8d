import { useId, useState } from 'react';
import { thresholdsForNote, withThresholdsFor } from '@core/model';
import { PROFILE_LIMITS, validateProfile, type Profile, type ProfileProblem } from '@core/profile';
import { downloadProfile, profileFileName } from '../profile/exportProfile';
import { ProfileBadge } from '../profile/ProfileBadge';
import { ProfileLoader } from '../profile/ProfileLoader';
import { useActiveProfile } from '../profile/useActiveProfile';
import { useServices } from '../ServicesProvider';

interface Props {
  draft: Profile;
  onChange: (profile: Profile) => void;
}

/**
 * The draft the workbench tunes, and the way out: export it as a file for
 * agents, or make it the profile this machine runs with.
 */
export function ProfilePanel({ draft, onChange }: Props) {
  const active = useActiveProfile();
  const { profile: activeProfile } = useServices();
  const [problems, setProblems] = useState<ProfileProblem[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { name: useId(), author: useId(), note: useId() };
  const same = sameProfile(active, draft);
  const linesNote = thresholdsForNote(draft);

  function checked(): Profile | null {
    const result = validateProfile(draft);
    if (!result.ok) {
      setProblems(result.problems);
      setNotice(null);
      return null;
    }
    setProblems(null);
    return result.profile;
  }

  return (
    <section className="wb-panel" aria-labelledby="wb-profile-h">
      <h2 id="wb-profile-h">Profile</h2>
      <p className="small">
        <ProfileBadge interactive={false} /> <span className="muted">(active on this machine)</span>
      </p>
      {linesNote && (
        // The lines of a profile from before a retrain mean something else on this model; moving a slider, or saying
        // they were checked, records this model so agents are not warned again.
        <p className="wb-warning" data-testid="wb-thresholds-for">
          {linesNote}{' '}
          <button type="button" onClick={() => onChange(withThresholdsFor(draft))}>
            Checked: keep them for this model
          </button>
        </p>
      )}
      <div className="wb-field">
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} value={draft.name} maxLength={PROFILE_LIMITS.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        <label htmlFor={ids.author}>Author</label>
        <input id={ids.author} value={draft.author} maxLength={PROFILE_LIMITS.author} onChange={(e) => onChange({ ...draft, author: e.target.value })} />
        <label htmlFor={ids.note}>Note</label>
        <textarea id={ids.note} rows={2} maxLength={PROFILE_LIMITS.note} value={draft.note} onChange={(e) => onChange({ ...draft, note: e.target.value })} />
      </div>
      <div className="wb-row">
        <button
          type="button"
          onClick={() => {
            const p = checked();
            if (!p) return;
            downloadProfile(p);
            setNotice(`Saved ${profileFileName(p)}. Agents load it with “Load profile…” or by dropping the file on Steady.`);
          }}
        >
          Export profile
        </button>
        <button
          type="button"
          disabled={same}
          onClick={() => {
            const p = checked();
            if (!p) return;
            const stored = activeProfile.set(p);
            if (!stored.ok) {
              setNotice(null);
              setProblems([{ path: '', message: `“${p.name}” is valid, but ${stored.message}. “${active.name}” is still active.` }]);
              return;
            }
            setNotice(`“${p.name}” is now the active profile on this machine${stored.sessionOnly ? ', for this session only: this browser does not let Steady save it' : ''}.`);
          }}
        >
          Use on this machine
        </button>
        <button type="button" disabled={same} onClick={() => onChange(active)}>
          Discard changes
        </button>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className="ok-text">{notice}</p>}
      </div>
      {problems && (
        <div role="alert" className="wb-error">
          This profile cannot be saved yet:
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(whole profile)'}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ProfileLoader
        onLoaded={(outcome) => {
          onChange(outcome.profile);
          setProblems(null);
          setNotice(null);
        }}
      />
    </section>
  );
}

/**
 * Whether two profiles say the same. Called on every render, so the 1.4 MB of
 * an adapted model's weights is compared as strings, never serialised again.
 */
function sameProfile(a: Profile, b: Profile): boolean {
  if (a === b) return true;
  const { model: ma, ...ra } = a;
  const { model: mb, ...rb } = b;
  if (JSON.stringify(ra) !== JSON.stringify(rb)) return false;
  if (ma === mb) return true;
  if (!ma || !mb) return false;
  const cues = ['distress', 'hostility'] as const;
  return (
    JSON.stringify(ma.trainedOn) === JSON.stringify(mb.trainedOn) &&
    cues.every((c) => {
      const x = ma.cues[c];
      const y = mb.cues[c];
      return x.bias === y.bias && x.platt.a === y.platt.a && x.platt.b === y.platt.b && x.weights.scale === y.weights.scale && x.weights.data === y.weights.data;
    })
  );
}
