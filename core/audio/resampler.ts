import type { Decibels, Hertz } from '../units';

/**
 * Streaming rational resampler (polyphase FIR). The prototype low-pass is a
 * Kaiser-windowed sinc designed at the upsampled rate, so that energy above
 * the output's Nyquist is removed before decimation instead of folding back
 * into the speech band as it would with sample dropping or linear interpolation.
 */

export interface ResamplerOptions {
  /** Highest frequency passed untouched. Default: 0.4375 x output rate (7 kHz at 16 kHz). */
  passband?: Hertz;
  /**
   * Where the stopband starts. Default: 1.0625 x the lower Nyquist (8.5 kHz at 16 kHz).
   * Anything between 8 and 8.5 kHz can only fold back to 7.5-8 kHz, above both the
   * passband and the recogniser's filterbank (which stops near 7.6 kHz), and the wider
   * transition needs a third fewer taps than a stopband at exactly 8 kHz.
   */
  stopband?: Hertz;
  /** Stopband attenuation to design for. Default 70 dB. */
  attenuation?: Decibels;
}

export interface Resampler {
  readonly inputRate: Hertz;
  readonly outputRate: Hertz;
  /** Filter taps applied per output sample (the cost driver). */
  readonly taps: number;
  /** Feed any number of input samples; returns the output samples they complete. */
  process(input: Float32Array): Float32Array;
  /** Forget history (start of a new stream). */
  reset(): void;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function, by its power series (converges fast for the betas used). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

/** Kaiser's formulas for beta and length from attenuation and transition width (radians/sample). */
export function kaiserDesign(attenuation: Decibels, transition: number): { beta: number; length: number } {
  const a = attenuation;
  const beta = a > 50 ? 0.1102 * (a - 8.7) : a >= 21 ? 0.5842 * (a - 21) ** 0.4 + 0.07886 * (a - 21) : 0;
  const length = Math.ceil((a - 7.95) / (2.285 * transition)) + 1;
  return { beta, length };
}

export function createResampler(inputRate: Hertz, outputRate: Hertz = 16_000, options: ResamplerOptions = {}): Resampler {
  if (!(inputRate > 0) || !(outputRate > 0) || !Number.isInteger(inputRate) || !Number.isInteger(outputRate)) {
    throw new Error(`Resampler needs whole positive sample rates, got ${inputRate} Hz -> ${outputRate} Hz.`);
  }
  const g = gcd(inputRate, outputRate);
  const up = outputRate / g; // L
  const down = inputRate / g; // M
  const nyquist = Math.min(inputRate, outputRate) / 2;
  const stop = Math.min(options.stopband ?? nyquist * 1.0625, (inputRate * up) / 2);
  const pass = Math.min(options.passband ?? nyquist * 0.875, stop * 0.98);
  const attenuation = options.attenuation ?? 70;

  // Design at the upsampled rate inputRate * L.
  const highRate = inputRate * up;
  const transition = (2 * Math.PI * (stop - pass)) / highRate;
  const { beta, length: rawLength } = kaiserDesign(attenuation, transition);
  const taps = Math.max(1, Math.ceil(rawLength / up)); // taps per phase
  const length = taps * up;
  const cutoff = (pass + stop) / 2 / highRate; // cycles per sample at the high rate
  const centre = (length - 1) / 2;
  const i0Beta = besselI0(beta);
  const proto = new Float64Array(length);
  for (let n = 0; n < length; n++) {
    const x = n - centre;
    const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
    const r = (2 * n) / (length - 1) - 1;
    const w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
    proto[n] = sinc * w * up; // gain L restores the level lost to zero-stuffing
  }
  // Phase-major table: phase p holds h[p], h[p+L], h[p+2L], ...
  const table = new Float64Array(length);
  for (let p = 0; p < up; p++) for (let k = 0; k < taps; k++) table[p * taps + k] = proto[p + k * up] ?? 0;

  let history = new Float64Array(taps - 1);
  // Position of the next output, in 1/L input samples, relative to the next chunk's first sample.
  let position = 0;
  let work = new Float64Array(0);

  return {
    inputRate,
    outputRate,
    taps,
    reset() {
      history = new Float64Array(taps - 1);
      position = 0;
    },
    process(input: Float32Array): Float32Array {
      const hist = taps - 1;
      const total = hist + input.length;
      if (work.length < total) work = new Float64Array(total * 2);
      work.set(history, 0);
      work.set(input, hist);
      const available = input.length * up;
      const count = position < available ? Math.ceil((available - position) / down) : 0;
      const out = new Float32Array(count);
      // Locals, not closure variables, in the hot loop: V8 keeps them in registers.
      const w = work;
      const t = table;
      const T = taps;
      let pos = position;
      let i = Math.floor(pos / up);
      let p = pos - i * up;
      for (let n = 0; n < count; n++) {
        const base = p * T;
        const newest = i + hist;
        let acc = 0;
        for (let k = 0; k < T; k++) acc += (t[base + k] as number) * (w[newest - k] as number);
        out[n] = acc;
        pos += down;
        p += down;
        while (p >= up) {
          p -= up;
          i++;
        }
      }
      position = pos - available;
      if (hist > 0) history = work.slice(total - hist, total);
      return out;
    },
  };
}
