/**
 * A cheap check that labelled calls are in English before Steady learns from
 * them: the bundled model and its lexicon read English, and weights nudged by
 * calls in another language would only learn noise. Ordinary English speech is
 * about half made of a few dozen short words; other languages use almost none
 * of them.
 */
const COMMON_ENGLISH = new Set(
  (
    'a about all am an and any are as at be been but by can could did do does dont for from get got had has have he her him his how i if im in is it its just know like me my no not now of oh ok okay on one or our out so that the them then there they this to up us was we well were what when which who why will with would yeah yes you your'
  ).split(' '),
);

/** Below this share of common English words, a file is taken to be in another language. */
export const MIN_ENGLISH_SHARE = 0.15;

export interface LanguageCheck {
  words: number;
  englishShare: number;
  english: boolean;
}

export function checkEnglish(texts: Iterable<string>): LanguageCheck {
  let words = 0;
  let common = 0;
  for (const text of texts) {
    for (const word of text.toLowerCase().replace(/['’]/g, '').split(/[^\p{L}]+/u)) {
      if (word === '') continue;
      words++;
      if (COMMON_ENGLISH.has(word)) common++;
    }
  }
  const englishShare = words === 0 ? 0 : common / words;
  // Too few words to tell: let the other checks speak.
  return { words, englishShare, english: words < 50 || englishShare >= MIN_ENGLISH_SHARE };
}
