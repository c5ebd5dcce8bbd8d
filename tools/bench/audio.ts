import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AcousticAnalyzer } from '@core/audio/acoustic';
import { mixToMono } from '@core/audio/mono';
import { createResampler } from '@core/audio/resampler';
import { FrameAnalyzer } from '@core/audio/voiceActivity';

/**
 * Live audio costs per channel: resampling and feature extraction as times
 * real time, the capture worklet's share of one core (from its per-quantum
 * cost), and the recogniser's real-time factor when a model is installed.
 * Targets: resampling + features under 1% of one core per channel.
 */
export const title = 'Live audio: resampler, features, worklet CPU, recogniser';

function speechLike(rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  let seed = 1;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const envelope = Math.sin(2 * Math.PI * 3 * t) > 0 ? 0.3 : 0.01;
    seed = (seed * 16807) % 2147483647;
    out[i] = envelope * (Math.sin(2 * Math.PI * 180 * t) + 0.3 * (seed / 2147483647 - 0.5));
  }
  return out;
}

/** Best of three runs: the machine is shared, and the best run is the closest to the code's own cost. */
function time(fn: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

export async function run(): Promise<void> {
  const seconds = 60;
  for (const rate of [48_000, 44_100]) {
    const input = speechLike(rate, seconds);
    const r = createResampler(rate, 16_000);
    r.process(input.subarray(0, rate)); // warm up the JIT
    r.reset();
    const elapsed = time(() => {
      r.reset();
      for (let at = 0; at < input.length; at += 128) r.process(input.subarray(at, at + 128));
    });
    const macs = (r.taps * 16_000) / 1e6;
    console.log(
      `  resample ${rate / 1000} kHz -> 16 kHz: ${r.taps} taps/output (${macs.toFixed(1)} M multiply-adds/s), ${(seconds / elapsed).toFixed(0)}x real time (${((elapsed / seconds) * 100).toFixed(3)}% of one core per channel)`,
    );
  }

  const at16 = speechLike(16_000, seconds);
  const featureTime = time(() => {
    const frames = new FrameAnalyzer();
    const analyzer = new AcousticAnalyzer();
    for (let at = 0; at < at16.length; at += 1600) {
      for (const f of frames.push(at16.subarray(at, at + 1600))) analyzer.pushFrame('customer', f);
    }
  });
  console.log(`  features (level, voice activity, acoustic cues): ${(seconds / featureTime).toFixed(0)}x real time (${((featureTime / seconds) * 100).toFixed(3)}% of one core)`);

  // The worklet's work per 128-sample render quantum at 48 kHz stereo: mono mix, resample, frame analysis.
  const stereo = [speechLike(48_000, 10), speechLike(48_000, 10)];
  const mono = new Float32Array(128);
  const quanta = Math.floor((stereo[0] as Float32Array).length / 128);
  const workletTime = time(() => {
    const resampler = createResampler(48_000, 16_000);
    const worklet = new FrameAnalyzer();
    for (let q = 0; q < quanta; q++) {
      const from = q * 128;
      const block = stereo.map((c) => c.subarray(from, from + 128));
      worklet.push(resampler.process(mixToMono(block, mono)));
    }
  });
  const perQuantumUs = (workletTime / quanta) * 1e6;
  const quantumUs = (128 / 48_000) * 1e6;
  const share = perQuantumUs / quantumUs;
  console.log(`  worklet per channel: ${perQuantumUs.toFixed(1)} us per ${quantumUs.toFixed(0)} us quantum = ${(share * 100).toFixed(2)}% of one core (target < 1%: ${share < 0.01 ? 'met' : 'NOT met'})`);

  const cache = join(__dirname, '../../models/cache');
  const model = existsSync(cache) ? readdirSync(cache).find((f) => f.endsWith('.tar.gz')) : undefined;
  if (!model) {
    console.log('  recogniser real-time factor: skipped (no speech model in models/cache; run `npm run model:fetch`)');
  } else {
    console.log(`  recogniser real-time factor: model ${model} present, but vosk-browser runs only in a browser worker;`);
    console.log('    measure it in the app: Audio & model > Details for support (not automated here yet)');
  }
}
