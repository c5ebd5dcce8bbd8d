/**
 * What a live recogniser (Vosk) gives us: lower case, no punctuation, numbers
 * spelt out. The cue model reads every utterance in this form, typed or
 * spoken, so that a model trained on written text loses nothing on live text;
 * `calibrate --asr` turns a labelled file into this form to show it.
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function under1000(n: number): string[] {
  const out: string[] = [];
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)], 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    out.push(TENS[Math.floor(n / 10)]);
    if (n % 10) out.push(ONES[n % 10]);
  } else if (n > 0 || out.length === 0) {
    out.push(ONES[n]);
  }
  return out;
}

/** A whole number as a recogniser says it; long digit strings (account numbers) digit by digit. */
export function numberWords(digits: string): string {
  if (digits.length > 6) return [...digits].map((d) => ONES[Number(d)]).join(' ');
  const n = Number(digits);
  const out: string[] = [];
  if (n >= 1000) out.push(...under1000(Math.floor(n / 1000)), 'thousand');
  if (n % 1000 > 0 || out.length === 0) out.push(...under1000(n % 1000));
  return out.join(' ');
}

export function toRecogniserForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\d+/g, (d) => ` ${numberWords(d)} `)
    .replace(/[^a-z\u00c0-\u024f' ]+/g, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
