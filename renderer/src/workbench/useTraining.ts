import { useCallback, useEffect, useRef, useState } from 'react';
import type { Profile } from '@core/profile';
import type { AdaptProgress } from '@core/training';
import type { TrainOutcome } from './protocol';
import type { Workbench } from './useWorkbench';

export type TrainState =
  | { status: 'idle'; notice: string | null }
  | { status: 'running'; progress: AdaptProgress; id: number }
  /** The calls cannot be learnt from, or the worker failed: the draft is as it was. */
  | { status: 'refused'; message: string }
  | { status: 'done'; result: Extract<TrainOutcome, { status: 'done' }>; base: Profile };

/** Today as YYYY-MM-DD on this machine's calendar: the day the badge says the model was trained. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * "Train on these calls": runs in the worker, reports progress, can be
 * cancelled, and changes nothing until the supervisor keeps the result.
 */
export function useTraining(wb: Workbench) {
  const [state, setState] = useState<TrainState>({ status: 'idle', notice: null });
  const live = useRef(true);
  const current = useRef<number | null>(null);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      // Leaving the view stops the work: nobody is there to keep or discard its result.
      if (current.current !== null) wb.client().send({ type: 'cancel-train', trainId: current.current });
    };
  }, [wb]);

  const { draft, setDraft, generation } = wb;

  // New calls loaded: a result measured on the old ones is no longer about these calls.
  useEffect(() => {
    setState((s) => (s.status === 'done' || s.status === 'refused' ? { status: 'idle', notice: null } : s));
  }, [generation]);

  const start = useCallback(() => {
    const base = draft;
    const { id, result } = wb.client().start({ type: 'train', profile: base, date: today() }, 'trained', (p) => {
      if (p.type === 'train-progress' && live.current && current.current === p.id) setState({ status: 'running', progress: p.progress, id: p.id });
    });
    current.current = id;
    setState({ status: 'running', progress: { stage: 'reading', fraction: 0 }, id });
    result.then(
      ({ outcome }) => {
        if (!live.current || current.current !== id) return;
        current.current = null;
        if (outcome.status === 'done') setState({ status: 'done', result: outcome, base });
        else if (outcome.status === 'refused') setState({ status: 'refused', message: outcome.message });
        else setState({ status: 'idle', notice: 'Training cancelled. The profile is as it was.' });
      },
      (error: unknown) => {
        if (!live.current || current.current !== id) return;
        current.current = null;
        setState({ status: 'refused', message: `training stopped: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
  }, [wb, draft]);

  const cancel = useCallback(() => {
    if (current.current !== null) wb.client().send({ type: 'cancel-train', trainId: current.current });
  }, [wb]);

  /** The adapted model and the alert lines chosen for it go into the draft; the rest of the draft stays as it is now. */
  const keep = useCallback(() => {
    if (state.status !== 'done') return;
    const adapted = state.result.report.profile;
    setDraft({ ...draft, model: adapted.model, thresholds: adapted.thresholds, thresholdsFor: adapted.thresholdsFor });
    setState({ status: 'idle', notice: `Kept: “${draft.name}” now uses the model adapted to ${adapted.model?.trainedOn.calls.toLocaleString() ?? 0} of these calls. Export it to hand it to agents.` });
  }, [state, draft, setDraft]);

  const discard = useCallback(() => setState({ status: 'idle', notice: 'Discarded. The profile is as it was.' }), []);

  return { state, start, cancel, keep, discard };
}
