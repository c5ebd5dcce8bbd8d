import { useRef, useState, type DragEvent } from 'react';
import { thresholdsForNote } from '@core/model';
import { describeProfileChanges, type Profile, type ProfileProblem } from '@core/profile';
import { loadProfileFile } from './loadProfile';
import { useServices } from '../ServicesProvider';
import { useActiveProfile } from './useActiveProfile';
import { ProfileFileInput } from './ProfileFileInput';
import './profile.css';

interface Props {
  /** When true (the default) the badge also loads a profile: click to pick a file, or drop one on it. */
  interactive?: boolean;
}

/** At most this many problems are listed in the overlay; the workbench lists them all. */
const SHOWN_PROBLEMS = 4;

/**
 * Which profile the engine is running with; small enough for the overlay's
 * header. An agent handed a team profile clicks it, or drops the file on it.
 * A refused file leaves the active profile as it was and says why.
 */
/** "trained on 1,240 of your calls, 3 Dec": what the agent is using, when the profile carries an adapted model. */
export function trainedOnText(profile: Profile): string | null {
  const t = profile.model?.trainedOn;
  if (!t) return null;
  const [y, m, d] = t.date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `trained on ${t.calls.toLocaleString('en-GB')} of your calls, ${day}`;
}

export function ProfileBadge({ interactive = true }: Props) {
  const profile = useActiveProfile();
  const { profile: activeProfile } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<{ file: string; problems: ProfileProblem[] } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [loaded, setLoaded] = useState<{ name: string; author: string; changes: string[] } | null>(null);
  const detail = [profile.author && `by ${profile.author}`, profile.note].filter(Boolean).join('. ');

  async function load(file: File | undefined) {
    if (!file) return;
    const before = profile;
    const outcome = await loadProfileFile(file, activeProfile);
    setRefused(outcome.ok ? null : { file: outcome.fileName, problems: outcome.problems });
    // Say what the hand-off changed, and who made it, so the agent knows what to expect.
    // Lines chosen with another model than the one it now runs on are said too: they may alert more or less than meant.
    const lines = outcome.ok ? thresholdsForNote(outcome.profile) : null;
    setLoaded(outcome.ok ? { name: outcome.profile.name, author: outcome.profile.author, changes: [...describeProfileChanges(before, outcome.profile), ...(lines ? [lines] : [])] } : null);
  }

  const trained = trainedOnText(profile);
  // A profile kept from before an update that retrained the model: its lines may alert more or less than meant.
  const linesNote = thresholdsForNote(profile);
  const name = (
    <>
      <span className="profile-badge-label">Profile:</span> <span className="profile-badge-name">{profile.name}</span>
      {trained ? (
        <span className="profile-badge-trained" data-testid="profile-trained">
          {' '}
          · {trained}
        </span>
      ) : null}
    </>
  );
  // Beside the badge, not in it: a long profile name is cut short with an ellipsis, and this must not be.
  const check = linesNote ? (
    <span className="profile-badge-check" data-testid="profile-needs-check" title={linesNote}>
      thresholds to check
    </span>
  ) : null;
  if (!interactive) {
    return (
      <>
        <span className="profile-badge" title={detail || undefined} data-testid="profile-badge">
          {name}
        </span>
        {check ? <> {check}</> : null}
      </>
    );
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  };

  return (
    <span
      className={`profile-badge-wrap${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <span className="profile-badge-row">
        <span className="profile-badge" title={detail || undefined} data-testid="profile-badge">
          {name}
        </span>
        {check}
        <button type="button" className="profile-load" onClick={() => input.current?.click()} title="Load a profile file from your supervisor, or drop one here" data-testid="profile-load">
          Load profile…
        </button>
      </span>
      <ProfileFileInput inputRef={input} testId="profile-badge-file" onFile={(file) => void load(file)} />
      {loaded && (
        <span role="status" className="profile-loaded" data-testid="profile-loaded">
          <strong>Now using “{loaded.name}”</strong>
          {loaded.author ? ` by ${loaded.author}` : ''}.
          {loaded.changes.length > 0 ? (
            <ul>
              {loaded.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            ' Same thresholds, cards and crisis line as before.'
          )}
          <button type="button" onClick={() => setLoaded(null)}>
            OK
          </button>
        </span>
      )}
      {refused && (
        <span role="alert" className="profile-errors profile-badge-errors">
          {refused.file} was not loaded; “{profile.name}” is still active.
          <ul>
            {refused.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <code>{p.path || '(whole file)'}</code>: {p.message}
              </li>
            ))}
            {refused.problems.length > SHOWN_PROBLEMS && <li>…and {refused.problems.length - SHOWN_PROBLEMS} more.</li>}
          </ul>
          <button type="button" onClick={() => setRefused(null)}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}
