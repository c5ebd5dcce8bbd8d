import { useRef, useState } from 'react';
import { PRACTICE_CALLS } from '../replay/practiceCalls';
import type { Workbench } from './useWorkbench';

/** The bundled practice calls as one JSON Lines text, so they go through the same reader as a file. */
function practiceCallsText(): string {
  return PRACTICE_CALLS.map(({ call }) => JSON.stringify(call)).join('\n');
}

export function CallLoader({ wb }: { wb: Workbench }) {
  const input = useRef<HTMLInputElement>(null);
  const [showProblems, setShowProblems] = useState(false);
  const { load } = wb;
  const busy = load.status === 'loading';

  return (
    <section className="wb-panel" aria-labelledby="wb-calls-h">
      <h2 id="wb-calls-h">Labelled calls</h2>
      <div className="wb-row">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          Load calls file…
        </button>
        <button
          type="button"
          disabled={busy || PRACTICE_CALLS.length === 0}
          onClick={() => void wb.loadSource({ kind: 'text', name: 'Practice calls', text: practiceCallsText() })}
        >
          Use the practice calls ({PRACTICE_CALLS.length})
        </button>
        <input
          ref={input}
          type="file"
          accept=".jsonl,.json,.ndjson,application/x-ndjson"
          hidden
          data-testid="calls-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void wb.loadSource({ kind: 'file', file });
            e.target.value = '';
          }}
        />
      </div>
      <div role="status" aria-live="polite" className="wb-load-status">
        {load.status === 'empty' && <p className="muted">Load a JSON Lines file of labelled calls (one call a line) to see how this profile would have done.</p>}
        {load.status === 'loading' && (
          <>
            <label>
              Reading {load.name}: {load.calls.toLocaleString()} calls so far
              <progress max={1} value={load.fraction} aria-label="Loading calls" />
            </label>
          </>
        )}
        {load.status === 'ready' && (
          <p data-testid="calls-loaded">
            {load.summary.name}: {load.summary.calls.toLocaleString()} calls, {load.summary.segments.toLocaleString()} segments.
            {load.summary.problemCount > 0 && (
              <>
                {' '}
                {load.summary.problemCount.toLocaleString()} lines skipped.{' '}
                <button type="button" className="link" aria-expanded={showProblems} onClick={() => setShowProblems((s) => !s)}>
                  {showProblems ? 'Hide' : 'Show'} problems
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {load.status === 'failed' && (
        <p role="alert" className="wb-error">
          Could not use {load.name}: {load.message}
        </p>
      )}
      {load.status === 'ready' && showProblems && (
        <ul className="wb-problems">
          {load.summary.problems.map((p, i) => (
            <li key={i}>
              Line {p.line}, <code>{p.field}</code>: {p.message}
            </li>
          ))}
          {load.summary.problemCount > load.summary.problems.length && <li>…and {load.summary.problemCount - load.summary.problems.length} more.</li>}
        </ul>
      )}
    </section>
  );
}
