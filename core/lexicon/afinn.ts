import labels from 'sentiment/languages/en/labels.json';
import negators from 'sentiment/languages/en/negators.json';
import { phraseWords } from './tokenize';

/**
 * The AFINN word list exactly as the `sentiment` package ships it. We read the
 * table instead of calling `sentiment.analyze` so that each utterance is
 * tokenised once, and so that nothing ever goes through `extras`, which
 * Object.assigns into the package's shared table and would leak one
 * profile's words into every later call.
 */
const single = new Map<string, number>();
const multi: Array<{ words: string[]; value: number }> = [];
for (const [key, value] of Object.entries(labels as Record<string, number>)) {
  const words = phraseWords(key);
  if (words.length === 1) {
    if (!single.has(words[0])) single.set(words[0], value);
  } else if (words.length > 1) {
    multi.push({ words, value });
  }
}

/** Single-word AFINN scores, keyed by normalised word (apostrophes removed). */
export const AFINN_WORDS: ReadonlyMap<string, number> = single;
/** AFINN's few multi-word entries ("fed up", "not good"), matched as phrases. */
export const AFINN_PHRASES: ReadonlyArray<{ readonly words: readonly string[]; readonly value: number }> = multi;
/** sentiment's own negators: a negator right before an AFINN word flips its sign, as `sentiment` does. */
export const AFINN_NEGATORS: ReadonlySet<string> = new Set(Object.keys(negators as Record<string, number>).flatMap((k) => phraseWords(k)));
