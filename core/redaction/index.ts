/**
 * Redaction runs before any customer or agent words are stored. Transcripts
 * come from a recogniser, so numbers may arrive as digits ("4111 1111 ...") or
 * as spoken words ("four one one one ..."); both forms are covered.
 */

export const REDACTED = {
  card: '[card number]',
  number: '[number]',
  email: '[email]',
} as const;

/** Digit runs at least this long (ignoring spaces and dashes) are treated as account, phone or reference numbers. */
export const LONG_DIGIT_RUN = 6;

const WRITTEN_EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;

// "jane dot smith at example dot com": the top-level domain must be a real one,
// so that ordinary speech ("look at that dot point") is left alone.
const SPOKEN_EMAIL =
  /\b[a-z0-9_]+(?:\s+(?:dot|underscore)\s+[a-z0-9_]+)*\s+at\s+[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:com|net|org|edu|gov|io|info|biz|co|uk|au|nz|ie|ca|us)\b/gi;

// Digit groups joined by single spaces or dashes: "4111 1111-1111 1111".
const DIGIT_GROUPS = /\d+(?:[ -]\d+)*/g;

const DIGIT_WORD = /^(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)$/i;
const REPEAT_WORD: Record<string, number> = { double: 2, triple: 3 };
const SPOKEN_RUN =
  /\b(?:(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple)(?:[\s-]+|$|(?=[^a-z])))+/gi;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function redactDigitGroups(text: string): string {
  return text.replace(DIGIT_GROUPS, (match, offset: number, whole: string) => {
    // Part of a decimal or thousands-separated amount ("1,250,000", "3.50"): money, not an identifier.
    const before = whole[offset - 1];
    const after = whole[offset + match.length];
    const inAmount = (before === ',' || before === '.') && /\d/.test(whole[offset - 2] ?? '');
    const continuesAmount = (after === ',' || after === '.') && /\d/.test(whole[offset + match.length + 1] ?? '');
    const digits = match.replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return REDACTED.card;
    if (inAmount || continuesAmount) return match;
    return digits.length >= LONG_DIGIT_RUN ? REDACTED.number : match;
  });
}

function spokenDigitCount(run: string): number {
  const words = run.toLowerCase().split(/[\s-]+/).filter(Boolean);
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const repeat = REPEAT_WORD[word];
    if (repeat && DIGIT_WORD.test(words[i + 1] ?? '')) {
      count += repeat;
      i++;
    } else if (DIGIT_WORD.test(word)) {
      count += 1;
    }
  }
  return count;
}

function redactSpokenDigits(text: string): string {
  return text.replace(SPOKEN_RUN, (match) => {
    if (spokenDigitCount(match) < LONG_DIGIT_RUN) return match;
    const trailing = /[\s-]+$/.exec(match)?.[0] ?? '';
    return REDACTED.number + trailing;
  });
}

/** Replaces card numbers, long digit runs (written or spoken) and email addresses with placeholders. */
export function redact(text: string): string {
  if (!text) return text;
  let out = text.replace(WRITTEN_EMAIL, REDACTED.email);
  out = out.replace(SPOKEN_EMAIL, REDACTED.email);
  out = redactDigitGroups(out);
  out = redactSpokenDigits(out);
  return out;
}
