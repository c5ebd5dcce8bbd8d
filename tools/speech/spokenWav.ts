import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A spoken call made at test time with espeak-ng and sox: sentences of the toy
 * model's vocabulary with pauses between them (so the recogniser ends each one
 * with a final), as a 48 kHz mono 16-bit WAV, which Chromium's fake microphone
 * plays and the app resamples to 16 kHz like any real input.
 *
 * Each word is spoken on its own and the clips are joined, so the file says
 * exactly when every word ends: the bench times from there to the word on
 * screen. The toy model was trained on words joined this way as well as on
 * whole sentences.
 */
export interface SpokenWord {
  word: string;
  /** Seconds from the start of the file. */
  start: number;
  end: number;
  sentence: number;
}

export interface SpokenCall {
  wav: string;
  words: SpokenWord[];
  seconds: number;
}

export interface SpeakOptions {
  /** Silence before the first sentence, in seconds: capture takes a moment to open. */
  leadIn?: number;
  /** Silence after each sentence, in seconds: long enough for the recogniser to end it. */
  pause?: number;
  /** espeak-ng voice; the toy model's README recommends en-us or en at the default speed. */
  voice?: string;
}

const FORMAT = ['-r', '48000', '-c', '1', '-b', '16', '-e', 'signed-integer'];
const GAP_SECONDS = 0.04;

function seconds(file: string): number {
  return Number(execFileSync('soxi', ['-D', file]).toString().trim());
}

function silence(file: string, length: number): void {
  execFileSync('sox', ['-n', ...FORMAT, file, 'trim', '0', length.toFixed(3)]);
}

export function speakCall(dir: string, name: string, sentences: readonly string[], options: SpeakOptions = {}): SpokenCall {
  const work = join(dir, `${name}-parts`);
  mkdirSync(work, { recursive: true });
  const voice = options.voice ?? 'en-us';
  const parts: string[] = [];
  const words: SpokenWord[] = [];
  let at = 0;
  const lead = join(work, 'lead.wav');
  silence(lead, options.leadIn ?? 1);
  parts.push(lead);
  at += seconds(lead);
  const gap = join(work, 'gap.wav');
  silence(gap, GAP_SECONDS);
  const pause = join(work, 'pause.wav');
  silence(pause, options.pause ?? 1.2);
  sentences.forEach((sentence, s) => {
    sentence
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, w) => {
        const raw = join(work, `s${s}-w${w}-raw.wav`);
        const clip = join(work, `s${s}-w${w}.wav`);
        execFileSync('espeak-ng', ['-v', voice, '-w', raw, word]);
        // Trim espeak's own silence at both ends, so the word's end in the file is the end of its sound.
        execFileSync('sox', [raw, ...FORMAT, clip, 'silence', '1', '0.01', '0.5%', 'reverse', 'silence', '1', '0.01', '0.5%', 'reverse', 'gain', '-n', '-6']);
        if (w > 0) {
          parts.push(gap);
          at += GAP_SECONDS;
        }
        const length = seconds(clip);
        words.push({ word, start: at, end: at + length, sentence: s });
        parts.push(clip);
        at += length;
      });
    parts.push(pause);
    at += options.pause ?? 1.2;
  });
  const wav = join(dir, `${name}.wav`);
  execFileSync('sox', [...parts, wav]);
  return { wav, words, seconds: seconds(wav) };
}

/** Word error rate: word-level edit distance over the number of reference words. */
export function wordErrorRate(reference: readonly string[], heard: readonly string[]): number {
  const row = Array.from({ length: heard.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= heard.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (reference[i - 1] === heard[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return reference.length === 0 ? 0 : (row[heard.length] ?? 0) / reference.length;
}
