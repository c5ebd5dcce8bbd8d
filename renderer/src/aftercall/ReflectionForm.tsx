import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { CARE_CATEGORY_LABELS, chooseGrace, choosePrompts, suggestCare, type CallSummary, type CareSuggestion } from '@core/reflection';
import { useServices } from '../ServicesProvider';
import { describeStorageError, type StorageProblem } from '../storage/errors';
import type { ReflectionAnswer, ReflectionRecord } from '../storage/records';
import { StorageNotice } from '../storage/StorageNotice';
import { useSetting } from '../storage/useSetting';
import { dropDraft, loadDraft, saveDraft, type ReflectionDraft } from './draft';

// A soft hyphen: in a narrow window the scale's fifth column is too narrow for "Overwhelmed", and it should break
// as "Over-whelmed", not wherever the letters run out.
const STRESS_WORDS = ['', 'Calm', 'A little tense', 'Tense', 'Very tense', 'Over\u00adwhelmed'] as const;
const CARE_SHOWN = 4;

interface Props {
  callId: string;
  summary: CallSummary;
  existing: ReflectionRecord | null;
  onSaved: () => void;
  onSkip: () => void;
}

function initialDraft(callId: string, summary: CallSummary, existing: ReflectionRecord | null): ReflectionDraft {
  const prompts = choosePrompts(summary);
  const from = loadDraft(callId) ?? (existing ? { answers: existing.answers, stress: existing.stress, care: existing.care } : null);
  const answers: ReflectionAnswer[] = prompts.map((p) => {
    const had = from?.answers.find((a) => a.promptId === p.id);
    return { promptId: p.id, prompt: p.text, picked: had?.picked ?? [], text: had?.text ?? '' };
  });
  return { answers, stress: from?.stress ?? null, care: from?.care ?? null };
}

/**
 * Reframe, grace and self-care, one step at a time so that each fits a small
 * window. Every part is optional: a single tap on Save, from any step, is a
 * complete reflection. Each change is mirrored to a
 * local draft first, so a storage error never loses what was written.
 */
export function ReflectionForm({ callId, summary, existing, onSaved, onSkip }: Props) {
  const { reflectionSaves } = useServices();
  const prompts = useMemo(() => choosePrompts(summary), [summary]);
  const grace = useMemo(() => chooseGrace(summary, callId), [summary, callId]);
  const careList = useSetting('careList');
  const [draft, setDraft] = useState<ReflectionDraft>(() => initialDraft(callId, summary, existing));
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const [draftKept, setDraftKept] = useState(true);
  const [saving, setSaving] = useState(false);
  // The save is waiting for the database; where the reflection is kept meanwhile.
  const [waiting, setWaiting] = useState<'disk' | 'memory' | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [writing, setWriting] = useState<ReadonlySet<string>>(new Set());
  const id = useId();

  // Only a reflection the agent has started is kept as a draft; an untouched one is not worth bringing back.
  const [touched, setTouched] = useState(() => loadDraft(callId) !== null);
  useEffect(() => {
    if (touched) setDraftKept(saveDraft(callId, draft));
  }, [callId, draft, touched]);
  const change = (update: (d: ReflectionDraft) => ReflectionDraft) => {
    setTouched(true);
    setDraft(update);
  };

  // One question at a time: each step fits a small window, and Save, in the bar below, is always in reach.
  const steps: readonly string[] = [...prompts.map((p) => p.id), 'grace', 'care'];
  const stepCount = steps.length;
  const [at, setAt] = useState(0);
  const stepKey = steps[at] ?? 'care';
  const prompt = at < prompts.length ? prompts[at] : undefined;
  const answer = prompt ? draft.answers[at] : undefined;
  const stepBox = useRef<HTMLDivElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const goTo = (next: number) => {
    moved.current = true;
    setAt(Math.max(0, Math.min(stepCount - 1, next)));
  };
  // After Back or Next, the new step starts at the top of the window and keyboard focus follows it.
  useEffect(() => {
    if (!moved.current) return;
    stepBox.current?.scrollIntoView?.({ block: 'start' });
    stepHeading.current?.focus({ preventScroll: true });
  }, [at]);

  const suggestions = suggestCare(careList.value, summary, draft.stress).slice(0, CARE_SHOWN);
  const careKey = (c: CareSuggestion | null) => (c ? `${c.category}:${c.text}` : '');

  const updateAnswer = (index: number, patch: Partial<ReflectionAnswer>) => {
    change((d) => ({ ...d, answers: d.answers.map((a, i) => (i === index ? { ...a, ...patch } : a)) }));
  };
  const togglePick = (index: number, choice: string) => {
    const picked = draft.answers[index]?.picked ?? [];
    updateAnswer(index, { picked: picked.includes(choice) ? picked.filter((p) => p !== choice) : [...picked, choice] });
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await reflectionSaves.save({
        callId,
        savedAt: Date.now(),
        answers: draft.answers.map((a) => ({ ...a, text: a.text.trim() })),
        stress: draft.stress,
        care: draft.care,
        grace,
      });
      if (result.outcome === 'saved') {
        dropDraft(callId);
        setProblem(null);
        setWaiting(null);
        onSaved();
        return;
      }
      setProblem(result.problem);
      setWaiting(result.keptOnDisk ? 'disk' : 'memory');
      // Retried by itself; once the database has it, this screen says so like any save.
      void result.saved.then(() => {
        dropDraft(callId);
        if (!mounted.current) return;
        setProblem(null);
        setWaiting(null);
        onSaved();
      });
    } catch (error) {
      setProblem(describeStorageError(error, 'saving your reflection'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="reflection-form"
      aria-label="Your reflection"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="reflection-step" data-testid="reflection-step" data-step={stepKey} ref={stepBox}>
        <p className="step-count muted" data-testid="reflection-step-count">
          Step {at + 1} of {stepCount}
        </p>
        {prompt ? (
          <>
            <h2 ref={stepHeading} tabIndex={-1}>
              Reframe
            </h2>
            <fieldset key={prompt.id} className="prompt" data-prompt={prompt.id}>
              <legend>{prompt.text}</legend>
              <div className="chips" role="group" aria-label="Quick answers">
                {prompt.quick.map((q) => (
                  <button key={q} type="button" className="chip" aria-pressed={answer?.picked.includes(q) ?? false} onClick={() => togglePick(at, q)}>
                    {q}
                  </button>
                ))}
              </div>
              {answer?.text || writing.has(prompt.id) ? (
                <label className="prompt-text">
                  <span className="sr-only">In your own words (optional)</span>
                  <textarea
                    rows={2}
                    placeholder="In your own words (optional)"
                    value={answer?.text ?? ''}
                    maxLength={2000}
                    autoFocus={writing.has(prompt.id) && !answer?.text}
                    onChange={(e) => updateAnswer(at, { text: e.target.value })}
                  />
                </label>
              ) : (
                <button type="button" className="link add-words" onClick={() => setWriting(new Set([...writing, prompt.id]))}>
                  Add your own words
                </button>
              )}
            </fieldset>
          </>
        ) : stepKey === 'grace' ? (
          <>
            <h2 ref={stepHeading} tabIndex={-1}>
              Grace
            </h2>
            <div className="grace" data-testid="grace">
              {grace.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          </>
        ) : (
          <>
            <h2 ref={stepHeading} tabIndex={-1}>
              Care for you
            </h2>
            <fieldset className="stress">
              <legend>How tense do you feel right now?</legend>
              <div className="stress-scale">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className="stress-option">
                    <input type="radio" name={`${id}-stress`} value={n} checked={draft.stress === n} onChange={() => change((d) => ({ ...d, stress: n }))} />
                    <span className="stress-num">{n}</span>
                    <span className="stress-word">{STRESS_WORDS[n]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="care">
              <legend>One small thing for you</legend>
              {suggestions.length === 0 ? (
                <p className="muted">
                  Your care list is empty. <a href="#/history/care">Add a few things</a> that help you.
                </p>
              ) : (
                <div className="care-options">
                  {suggestions.map((s) => (
                    <label key={careKey(s)} className="care-option">
                      <input type="radio" name={`${id}-care`} checked={careKey(draft.care) === careKey(s)} onChange={() => change((d) => ({ ...d, care: s }))} />
                      <span>
                        {s.text} <span className="muted">({CARE_CATEGORY_LABELS[s.category]})</span>
                      </span>
                    </label>
                  ))}
                </div>
              )}
              <p className="muted small">
                <a href="#/history/care">Edit your care list</a>
              </p>
            </fieldset>
          </>
        )}
      </div>

      <StorageNotice problem={problem} />
      {problem && (
        <p className="muted" role="status" data-testid="reflection-waiting">
          {waiting === 'disk'
            ? 'Your words are still here and kept on this computer. Steady will save them by itself as soon as it can, even after a restart.'
            : waiting === 'memory'
              ? 'Your words are still on this screen, kept in memory only. Steady keeps trying to save them: keep this window open until it says they are saved.'
              : draftKept
                ? 'Your words are still here and kept on this computer. Try Save again when the problem is fixed.'
                : 'Your words are still on this screen. Keep this window open and try Save again.'}
        </p>
      )}
      <p className="private-note muted">Only you can see this. It stays on this computer and is never part of a profile or a supervisor’s view.</p>
      <div className="row reflection-actions" data-testid="reflection-actions">
        <button type="button" onClick={() => goTo(at - 1)} disabled={at === 0}>
          Back
        </button>
        {at < stepCount - 1 ? (
          <button type="button" onClick={() => goTo(at + 1)}>
            Next
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Save privately'}
        </button>
        <button type="button" onClick={onSkip}>
          {existing ? 'Cancel' : 'Skip'}
        </button>
      </div>
    </form>
  );
}
