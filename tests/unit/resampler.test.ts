import { describe, expect, it } from 'vitest';
import { createResampler } from '@core/audio/resampler';
import { mixToMono } from '@core/audio/mono';
import { concatSamples } from '../support/samples';

function sine(freq: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

/** Magnitude of one frequency (Goertzel). */
function magnitude(x: Float32Array, freq: number, rate: number): number {
  const w = (2 * Math.PI * freq) / rate;
  const coeff = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (const v of x) {
    const s = v + coeff * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - coeff * s1 * s2);
}

function peakFrequency(x: Float32Array, rate: number): number {
  let best = 0;
  let bestMag = -1;
  for (let f = 20; f < rate / 2; f += 10) {
    const m = magnitude(x, f, rate);
    if (m > bestMag) [best, bestMag] = [f, m];
  }
  for (let f = best - 10; f <= best + 10; f += 0.5) {
    const m = magnitude(x, f, rate);
    if (m > bestMag) [best, bestMag] = [f, m];
  }
  return best;
}

function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / x.length);
}

/** Resample in uneven chunks, as an AudioWorklet (128-sample quanta) and a capture callback would. */
function resampleChunked(input: Float32Array, from: number): Float32Array {
  const r = createResampler(from, 16_000);
  const parts: Float32Array[] = [];
  const sizes = [128, 441, 37, 1000];
  let offset = 0;
  let k = 0;
  while (offset < input.length) {
    const size = sizes[k++ % sizes.length] as number;
    parts.push(r.process(input.subarray(offset, offset + size)));
    offset += size;
  }
  return concatSamples(...parts);
}

// Skip the filter's start-up transient before measuring.
const settle = (x: Float32Array) => x.subarray(800);

describe('resampler to 16 kHz', () => {
  for (const from of [44_100, 48_000]) {
    it(`keeps tones at their frequency and level from ${from} Hz`, () => {
      for (const freq of [200, 440, 1000, 3150, 6000, 6900]) {
        const out = resampleChunked(sine(freq, from, 1), from);
        // Output length matches the duration: 1 s of input is 16,000 samples (within the filter's look-ahead).
        expect(Math.abs(out.length - 16_000)).toBeLessThanOrEqual(1);
        const body = settle(out);
        expect(Math.abs(peakFrequency(body, 16_000) - freq)).toBeLessThanOrEqual(1);
        const gainDb = 20 * Math.log10(rms(body) / (0.5 / Math.SQRT2));
        expect(Math.abs(gainDb)).toBeLessThan(0.5);
      }
    });

    it(`keeps tones above 8 kHz from folding back: aliases below -60 dB from ${from} Hz`, () => {
      for (const freq of [8_500, 9_000, 11_000, 15_000, 20_000]) {
        const out = settle(resampleChunked(sine(freq, from, 1), from));
        const leakDb = 20 * Math.log10(rms(out) / (0.5 / Math.SQRT2));
        expect(leakDb, `${freq} Hz leaked at ${leakDb.toFixed(1)} dB`).toBeLessThan(-60);
      }
    });
  }

  it('gives the same output whatever the chunk sizes', () => {
    const input = sine(1234, 44_100, 0.5);
    const whole = createResampler(44_100).process(input);
    const chunked = resampleChunked(input, 44_100);
    expect(chunked.length).toBe(whole.length);
    let maxDiff = 0;
    for (let i = 0; i < whole.length; i++) maxDiff = Math.max(maxDiff, Math.abs((whole[i] as number) - (chunked[i] as number)));
    expect(maxDiff).toBeLessThan(1e-5);
  });

  it('passes 16 kHz through unchanged in level and refuses nonsense rates', () => {
    const out = settle(createResampler(16_000).process(sine(1000, 16_000, 1)));
    expect(Math.abs(peakFrequency(out, 16_000) - 1000)).toBeLessThanOrEqual(1);
    expect(() => createResampler(0)).toThrow(/whole positive sample rates/);
    expect(() => createResampler(44_100.5)).toThrow(/44100.5 Hz/);
  });

  it('mixes stereo to mono by averaging', () => {
    const left = new Float32Array([1, 0.5, -1]);
    const right = new Float32Array([1, -0.5, 0]);
    expect(Array.from(mixToMono([left, right]))).toEqual([1, 0, -0.5]);
    expect(Array.from(mixToMono([left]))).toEqual([1, 0.5, -1]);
  });
});
