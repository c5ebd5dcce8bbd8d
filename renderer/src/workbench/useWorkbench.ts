import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EvaluationResult } from '@core/calibration';
import type { Profile } from '@core/profile';
import { useServices } from '../ServicesProvider';
import type { LoadSummary } from './protocol';
import { latestOnly, WorkbenchClient } from './workbenchClient';

export type LoadState =
  | { status: 'empty' }
  | { status: 'loading'; name: string; fraction: number; calls: number }
  | { status: 'ready'; summary: LoadSummary }
  | { status: 'failed'; name: string; message: string };

export interface EvaluationState {
  metrics: EvaluationResult | null;
  /** The profile these metrics belong to, so stale figures are never shown as current. */
  profile: Profile | null;
  elapsedMs: number | null;
  error: string | null;
  pending: boolean;
}

/**
 * The worker and what was loaded into it outlive the view: a supervisor who
 * looks at another view and comes back finds tens of thousands of calls still
 * loaded and the draft as they left it.
 */
const kept: { client: WorkbenchClient | null; load: LoadState; draft: Profile | null; generation: number } = {
  client: null,
  load: { status: 'empty' },
  draft: null,
  generation: 0,
};

function sharedClient(): WorkbenchClient {
  kept.client ??= new WorkbenchClient();
  return kept.client;
}

/**
 * The workbench's state: the loaded calls live in the worker; the draft
 * profile lives here and every change to it re-runs the evaluation.
 */
export function useWorkbench() {
  // A load cut short by leaving the view cannot be resumed; show it as not loaded.
  const [load, setLoad] = useState<LoadState>(() => (kept.load.status === 'loading' ? { status: 'empty' } : kept.load));
  const { profile: activeProfile } = useServices();
  const [draft, setDraft] = useState<Profile>(() => kept.draft ?? activeProfile.get());
  const [evaluation, setEvaluation] = useState<EvaluationState>({ metrics: null, profile: null, elapsedMs: null, error: null, pending: false });
  const [generation, setGeneration] = useState(kept.generation);

  useEffect(() => {
    kept.load = load;
    kept.draft = draft;
    kept.generation = generation;
  }, [load, draft, generation]);

  const client = useCallback((): WorkbenchClient => sharedClient(), []);

  const evaluate = useMemo(
    () =>
      latestOnly(
        (profile: Profile) => client().request({ type: 'evaluate', profile }, 'metrics'),
        (result, profile) => setEvaluation({ metrics: result.metrics, profile, elapsedMs: result.elapsedMs, error: null, pending: false }),
        (error) => setEvaluation((e) => ({ ...e, error: error.message, pending: false })),
      ),
    [client],
  );

  useEffect(() => {
    if (load.status !== 'ready') return;
    setEvaluation((e) => ({ ...e, pending: true }));
    evaluate(draft);
  }, [draft, load.status, evaluate, generation]);

  const loadSource = useCallback(
    async (source: { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string }) => {
      const name = source.kind === 'file' ? source.file.name : source.name;
      setLoad({ status: 'loading', name, fraction: 0, calls: 0 });
      try {
        const result = await client().request({ type: 'load', source }, 'loaded', (p) => {
          if (p.type === 'progress') setLoad({ status: 'loading', name, fraction: p.bytesTotal ? p.bytesRead / p.bytesTotal : 0, calls: p.calls });
        });
        if (result.summary.calls === 0) {
          setLoad({ status: 'failed', name, message: describeEmpty(result.summary) });
          return;
        }
        setLoad({ status: 'ready', summary: result.summary });
        setGeneration((g) => g + 1);
      } catch (error) {
        setLoad({ status: 'failed', name, message: error instanceof Error ? error.message : String(error) });
      }
    },
    [client],
  );

  return { load, loadSource, draft, setDraft, evaluation, client, generation };
}

function describeEmpty(summary: LoadSummary): string {
  if (summary.problemCount === 0) return 'the file holds no calls';
  const first = summary.problems[0];
  return `no call could be read (${summary.problemCount} problems; first: line ${first?.line}, ${first?.field}: ${first?.message})`;
}

export type Workbench = ReturnType<typeof useWorkbench>;
