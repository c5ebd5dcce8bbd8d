import { useId, useRef, useState, type DragEvent } from 'react';
import { loadProfileFile, type ProfileLoadOutcome } from './loadProfile';
import { useServices } from '../ServicesProvider';
import { ProfileFileInput } from './ProfileFileInput';
import './profile.css';

interface Props {
  /** Called after a valid profile became active. */
  onLoaded?: (outcome: Extract<ProfileLoadOutcome, { ok: true }>) => void;
}

/**
 * Load a profile by file picker or by dropping a file. A refused file lists
 * every problem with its field, and the active profile stays as it was.
 */
export function ProfileLoader({ onLoaded }: Props) {
  const { profile: activeProfile } = useServices();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<ProfileLoadOutcome | null>(null);
  const [dragging, setDragging] = useState(false);
  const statusId = useId();

  async function load(file: File | undefined) {
    if (!file) return;
    const result = await loadProfileFile(file, activeProfile);
    setOutcome(result);
    if (result.ok) onLoaded?.(result);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files[0]);
  }

  return (
    <div
      className={`profile-loader${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="profile-drop"
    >
      <button type="button" onClick={() => input.current?.click()} aria-describedby={statusId}>
        Load profile…
      </button>
      <span className="profile-loader-hint"> or drop a profile file here</span>
      <ProfileFileInput inputRef={input} testId="profile-file" onFile={(file) => void load(file)} />
      <div id={statusId} role="status" aria-live="polite">
        {outcome?.ok === true && (
          <p className="profile-loader-ok">
            Loaded “{outcome.profile.name}” from {outcome.fileName}
            {outcome.migratedFrom !== null ? ` (updated from version ${outcome.migratedFrom})` : ''}
            {outcome.sessionOnly ? ', for this session only: this browser does not let Steady save it' : ''}.
          </p>
        )}
      </div>
      {outcome?.ok === false && (
        <div role="alert" className="profile-errors">
          <p>
            {outcome.fileName} was not loaded: {outcome.problems.length === 1 ? 'one problem' : `${outcome.problems.length} problems`}. The
            current profile is still active.
          </p>
          <ul>
            {outcome.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '(whole file)'}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
