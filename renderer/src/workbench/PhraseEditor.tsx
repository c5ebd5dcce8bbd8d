import { useEffect, useId, useMemo, useState } from 'react';
import type { Cue } from '@core/cues';
import type { PhraseSearchSummary } from '@core/calibration';
import type { PhraseEntry, Profile } from '@core/profile';
import { CUE_NAMES } from './format';
import { latestOnly } from './workbenchClient';
import type { Workbench } from './useWorkbench';
import { CueSelect } from './CueSelect';

interface Props {
  wb: Workbench;
  profile: Profile;
  onChange: (profile: Profile) => void;
  loaded: boolean;
}

const SHOWN_HITS = 20;

/**
 * The organisation's own phrases. Typing a phrase shows at once which
 * customer utterances in the loaded calls it would hit, and with which labels,
 * so a phrase that mostly hits calm talk is caught before it ships.
 */
export function PhraseEditor({ wb, profile, onChange, loaded }: Props) {
  const [phrase, setPhrase] = useState('');
  const [cue, setCue] = useState<Cue>('hostility');
  const [weight, setWeight] = useState(0.5);
  const [focus, setFocus] = useState<string>('');
  const [hits, setHits] = useState<{ phrase: string; summary: PhraseSearchSummary } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState('');
  const ids = { phrase: useId(), cue: useId(), weight: useId(), removed: useId() };

  const search = useMemo(
    () =>
      latestOnly(
        (p: string) => wb.client().request({ type: 'phraseHits', phrase: p }, 'phraseHits'),
        (result) => setHits({ phrase: result.phrase, summary: result.summary }),
        (e) => setError(e.message),
      ),
    [wb],
  );

  const query = phrase.trim() || focus;
  useEffect(() => {
    if (!loaded || !query) {
      setHits(null);
      return;
    }
    search(query);
  }, [query, loaded, search, wb.generation]);

  const entries = profile.phrases.add;
  const duplicate = entries.some((e) => e.phrase.toLowerCase() === phrase.trim().toLowerCase() && e.cue === cue);

  function add() {
    const text = phrase.trim();
    if (!text) {
      setError('Type the phrase first.');
      return;
    }
    if (text.length > 200) {
      setError('A phrase is at most 200 characters.');
      return;
    }
    if (duplicate) {
      setError(`“${text}” is already in the list for ${CUE_NAMES[cue].toLowerCase()}.`);
      return;
    }
    const entry: PhraseEntry = { phrase: text, cue, weight };
    onChange({ ...profile, phrases: { ...profile.phrases, add: [...entries, entry] } });
    setFocus(text);
    setPhrase('');
    setError(null);
  }

  function removeEntry(index: number) {
    onChange({ ...profile, phrases: { ...profile.phrases, add: entries.filter((_, i) => i !== index) } });
  }

  function setEntryWeight(index: number, w: number) {
    onChange({ ...profile, phrases: { ...profile.phrases, add: entries.map((e, i) => (i === index ? { ...e, weight: w } : e)) } });
  }

  function addRemoved() {
    const text = removed.trim();
    if (!text || profile.phrases.remove.includes(text)) return;
    onChange({ ...profile, phrases: { ...profile.phrases, remove: [...profile.phrases.remove, text] } });
    setRemoved('');
  }

  return (
    <section className="wb-panel" aria-labelledby="wb-phr-h">
      <h2 id="wb-phr-h">Phrases</h2>
      <form
        className="wb-phrase-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={ids.phrase}>Phrase</label>
        <input id={ids.phrase} value={phrase} maxLength={200} onChange={(e) => setPhrase(e.target.value)} placeholder="e.g. final demand" autoComplete="off" />
        <label htmlFor={ids.cue}>Cue</label>
        <CueSelect id={ids.cue} value={cue} onChange={setCue} />
        <label htmlFor={ids.weight}>Weight</label>
        <input id={ids.weight} type="number" min={-5} max={5} step={0.1} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
        <button type="submit">Add phrase</button>
      </form>
      {error && (
        <p role="alert" className="wb-error">
          {error}
        </p>
      )}
      <HitList hits={hits} loaded={loaded} />

      <h3>Added phrases ({entries.length})</h3>
      {entries.length === 0 ? (
        <p className="muted small">None yet. The built-in word lists still apply.</p>
      ) : (
        <ul className="wb-phrase-list" data-testid="phrase-list">
          {entries.map((e, i) => (
            <li key={`${e.phrase}|${e.cue}`}>
              <button type="button" className="link" onClick={() => setFocus(e.phrase)} aria-pressed={focus === e.phrase} title="Show its hits">
                “{e.phrase}”
              </button>{' '}
              <span className="muted">{CUE_NAMES[e.cue]}</span>
              <input
                type="number"
                aria-label={`Weight of “${e.phrase}”`}
                min={-5}
                max={5}
                step={0.1}
                value={e.weight}
                onChange={(ev) => setEntryWeight(i, Number(ev.target.value))}
              />
              <button type="button" onClick={() => removeEntry(i)} aria-label={`Remove “${e.phrase}”`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Built-in phrases switched off ({profile.phrases.remove.length})</summary>
        <div className="wb-row">
          <label htmlFor={ids.removed}>Phrase to switch off</label>
          <input id={ids.removed} value={removed} onChange={(e) => setRemoved(e.target.value)} />
          <button type="button" onClick={addRemoved}>
            Switch off
          </button>
        </div>
        <ul className="wb-phrase-list">
          {profile.phrases.remove.map((r) => (
            <li key={r}>
              “{r}”{' '}
              <button
                type="button"
                aria-label={`Switch “${r}” back on`}
                onClick={() => onChange({ ...profile, phrases: { ...profile.phrases, remove: profile.phrases.remove.filter((x) => x !== r) } })}
              >
                Switch back on
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function HitList({ hits, loaded }: { hits: { phrase: string; summary: PhraseSearchSummary } | null; loaded: boolean }) {
  if (!loaded) return <p className="muted small">Load calls to see which utterances a phrase would hit.</p>;
  if (!hits) return null;
  const { summary } = hits;
  return (
    <div className="wb-hits" data-testid="phrase-hits" aria-live="polite">
      <p>
        <strong>“{hits.phrase}”</strong> hits {summary.total.toLocaleString()} customer {summary.total === 1 ? 'utterance' : 'utterances'}
        {summary.total > 0 && (
          <span className="muted">
            {' '}
            (labelled: {summary.byLabel.hostility} hostility, {summary.byLabel.distress} distress, {summary.byLabel.safety} safety, {summary.byLabel.none} none)
          </span>
        )}
        .
      </p>
      <ul>
        {summary.hits.slice(0, SHOWN_HITS).map((h) => (
          <li key={`${h.callId}#${h.segmentIndex}`}>
            <span className="wb-label-word">{h.label}</span> {h.text.slice(0, h.span[0])}
            <mark>{h.text.slice(h.span[0], h.span[1])}</mark>
            {h.text.slice(h.span[1])} <span className="muted small">({h.callId})</span>
          </li>
        ))}
      </ul>
      {summary.total > SHOWN_HITS && <p className="muted small">Showing {SHOWN_HITS} of {summary.total.toLocaleString()}.</p>}
    </div>
  );
}
