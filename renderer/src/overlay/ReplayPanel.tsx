import { useId, useRef, useState, type ChangeEvent } from 'react';
import { formatCallFileError, type ReplayCall } from '../replay/callFile';
import { useReplayController, useReplayStatus } from '../replay/controller';
import type { ReplaySpeed, ReplayStatus } from '../replay/player';
import { CALL_VIEW_SPEEDS } from '../replay/speeds';
import { PRACTICE_CALLS } from '../replay/practiceCalls';
import { useCallSession, useServices } from '../ServicesProvider';
import type { CallSource } from '../session/types';
import { clockText } from './format';

const SPEED_WORDS: Record<string, string> = { '1': '1×', '2': '2×', '4': '4×', max: 'Fastest' };
const MAX_ERRORS_SHOWN = 5;
const MAX_LISTED_FILE_CALLS = 200;
const STATE_ANNOUNCEMENTS: Record<ReplayStatus['state'], string> = {
  ready: '',
  playing: 'Replay playing',
  paused: 'Replay paused',
  finished: 'Replay finished',
  stopped: 'Replay stopped',
};

interface Choice {
  key: string;
  call: ReplayCall;
  title: string;
  description: string;
  source: CallSource;
}

function callOptions(choices: readonly Choice[], source: Choice['source']) {
  return choices
    .filter((c) => c.source === source)
    .map((c) => (
      <option key={c.key} value={c.key}>
        {c.title}
      </option>
    ));
}

function statusText(status: ReplayStatus | null): string {
  if (!status) return 'Choose a call, then press Play.';
  const where = `${clockText(status.position)} of ${clockText(status.duration)}`;
  const speed = SPEED_WORDS[String(status.speed)] ?? '';
  switch (status.state) {
    case 'ready':
      return `Ready: ${clockText(status.duration)} long.`;
    case 'playing':
      return `Playing at ${speed}: ${where}.`;
    case 'paused':
      return `Paused at ${where}.`;
    case 'finished':
      return 'Finished. The call has ended.';
    case 'stopped':
      return 'Stopped. The call has ended.';
  }
}

/** Replay a bundled practice call or a labelled-call file into the live overlay. */
export function ReplayPanel() {
  const { replay: replayController } = useServices();
  const { file, fileErrors, player } = useReplayController(replayController);
  const status = useReplayStatus(player);
  const call = useCallSession();
  // A replay would end the real call in progress: never do that from here.
  const onRealCall = call.status === 'live' && call.source === 'live';
  const [chosen, setChosen] = useState<string>('');
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  // Practice is for learning the cards: stop at each one by default, so it can be read before the call moves on.
  const [pauseOnCard, setPauseOnCard] = useState(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { call: useId(), file: useId(), speed: useId() };

  const [filter, setFilter] = useState('');
  const fileChoice = (call: ReplayCall, i: number): Choice => ({ key: `file:${i}`, call, title: call.title ?? call.id, description: call.description ?? '', source: 'replay' });
  const needle = filter.trim().toLowerCase();
  const fileChoices: Choice[] = [];
  // A big file (GoEmotions has 43k calls) would swamp the list: show a filtered slice of it.
  for (let i = 0; file && i < file.calls.length && fileChoices.length < MAX_LISTED_FILE_CALLS; i++) {
    const call = file.calls[i] as ReplayCall;
    if (!needle || call.id.toLowerCase().includes(needle) || (call.title ?? '').toLowerCase().includes(needle)) fileChoices.push(fileChoice(call, i));
  }
  const choices: Choice[] = [
    ...PRACTICE_CALLS.map((p) => ({ key: `practice:${p.file}:${p.call.id}`, call: p.call, title: p.title, description: p.description, source: 'practice' as const })),
    ...fileChoices,
  ];
  const chosenFileIndex = chosen.startsWith('file:') ? Number(chosen.slice('file:'.length)) : -1;
  const chosenFileCall = file?.calls[chosenFileIndex];
  const selected = choices.find((c) => c.key === chosen) ?? (chosenFileCall ? fileChoice(chosenFileCall, chosenFileIndex) : null) ?? choices[0] ?? null;
  const playingThis = player !== null && selected !== null && player.call === selected.call;
  const active = status?.state === 'playing' || status?.state === 'paused';

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (!picked) return;
    const text = await picked.text();
    if (replayController.loadFile(picked.name, text)) {
      setFilter('');
      setChosen('file:0');
    }
  };

  const play = () => {
    if (!selected) return;
    if (playingThis && status?.state === 'paused') {
      player.play(speed);
      return;
    }
    replayController.choose(selected.call, selected.source, selected.title, pauseOnCard).play(speed);
  };

  const changeSpeed = (next: ReplaySpeed) => {
    setSpeed(next);
    if (player && active) player.setSpeed(next);
  };

  return (
    <section className="replay" aria-labelledby={`${ids.call}-h`}>
      <h2 className="section-title" id={`${ids.call}-h`}>
        Replay a call
      </h2>
      <div className="replay-row">
        <label htmlFor={ids.call}>Call</label>
        <select id={ids.call} value={selected?.key ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={choices.length === 0} data-testid="replay-call">
          {PRACTICE_CALLS.length > 0 ? (
            <optgroup label="Practice calls">{callOptions(choices, 'practice')}</optgroup>
          ) : null}
          {selected && selected.source === 'replay' && !fileChoices.includes(selected) ? <option value={selected.key}>{selected.title}</option> : null}
          {file ? (
            <optgroup label={`From ${file.name}`}>{callOptions(choices, 'replay')}</optgroup>
          ) : null}
          {choices.length === 0 ? <option value="">No calls yet: open a file</option> : null}
        </select>
      </div>
      {file && file.calls.length > MAX_LISTED_FILE_CALLS ? (
        <div className="replay-row">
          <label htmlFor={`${ids.call}-find`}>Find</label>
          <input id={`${ids.call}-find`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Call id" />
          <span className="replay-file">
            Showing {fileChoices.length} of {file.calls.length}
          </span>
        </div>
      ) : null}
      {selected?.description ? <p className="replay-about">{selected.description}</p> : null}
      <div className="replay-row">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open a call file…
        </button>
        <input
          ref={fileInput}
          id={ids.file}
          className="sr-only"
          type="file"
          accept=".jsonl,.json,.ndjson,application/x-ndjson,application/json,text/plain"
          aria-label="Labelled call file (JSON Lines)"
          data-testid="replay-file"
          tabIndex={-1}
          onChange={(e) => void onFile(e)}
        />
        {file ? <span className="replay-file">{file.name}: {file.calls.length === 1 ? '1 call' : `${file.calls.length} calls`}</span> : null}
      </div>
      {fileErrors ? (
        <div className="replay-errors" role="alert" data-testid="replay-errors">
          <p>
            <strong>{fileErrors.name} was not loaded.</strong> {file ? 'The calls you had are still here.' : null}
          </p>
          <ul>
            {fileErrors.errors.slice(0, MAX_ERRORS_SHOWN).map((error) => (
              <li key={`${error.line}|${error.field}`}>{formatCallFileError(error)}</li>
            ))}
          </ul>
          {fileErrors.errors.length > MAX_ERRORS_SHOWN ? <p>…and {fileErrors.errors.length - MAX_ERRORS_SHOWN} more.</p> : null}
          <button type="button" onClick={() => replayController.clearErrors()}>
            Close
          </button>
        </div>
      ) : null}
      <fieldset className="replay-speed">
        <legend>Speed</legend>
        {CALL_VIEW_SPEEDS.map((s) => (
          <label key={String(s)}>
            <input type="radio" name={ids.speed} value={String(s)} checked={speed === s} onChange={() => changeSpeed(s)} />
            {SPEED_WORDS[String(s)]}
          </label>
        ))}
      </fieldset>
      <label className="replay-row">
        <input
          type="checkbox"
          checked={pauseOnCard}
          onChange={(e) => {
            setPauseOnCard(e.target.checked);
            player?.setPauseOnCard(e.target.checked);
          }}
        />
        Pause at each new card
      </label>
      <div className="replay-row replay-controls">
        {status?.state === 'playing' && playingThis ? (
          <button type="button" onClick={() => player.pause()}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={play} disabled={!selected || onRealCall} data-testid="replay-play">
            {playingThis && status?.state === 'paused' ? 'Resume' : 'Play'}
          </button>
        )}
        <button type="button" onClick={() => player?.stop()} disabled={!active}>
          Stop
        </button>
      </div>
      {onRealCall ? <p className="replay-about">You are on a call. End it to replay one.</p> : null}
      <p className="replay-status" data-testid="replay-status" data-state={status?.state ?? 'none'} data-played={status?.played ?? 0} data-position={status ? status.position.toFixed(1) : 0}>
        {statusText(status)}
      </p>
      {/* Only the state is announced; the moving clock would talk over the call. */}
      <p className="sr-only" aria-live="polite">
        {status ? STATE_ANNOUNCEMENTS[status.state] : ''}
      </p>
    </section>
  );
}
