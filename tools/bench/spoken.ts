import { buildWebForBench } from './webBuild';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { speakCall, type SpokenCall } from '../speech/spokenWav';
import { RECORD_LINES_SCRIPT, testSourceScript } from '../speech/testSource';

/**
 * Spoken calls in Chromium through the real recogniser (vosk-browser's WASM
 * worker): real-time factor per channel with both channels running; from the
 * end of a spoken word to its partial and to its final on screen; and from the
 * end of the word that raises a card to the card painted.
 *
 * The toy test model (tests/fixtures/speech, 43 words, 1.8 MB) is what runs
 * here; its speed says nothing about the real 40 MB model, which is measured
 * the same way when `npm run model:fetch` has put it in models/cache.
 */
export const title = 'Spoken calls in Chromium: recogniser and spoken word -> card';

const ROOT = resolve(__dirname, '..', '..');
const OUT = join(ROOT, 'out', 'web-bench-spoken');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
const CALLER_INPUT = 'Fake Audio Input 1';
const AGENT_INPUT = 'Fake Audio Input 2';
const CALLER_SAYS = ['hello i want my refund', 'i am so angry', 'this is ridiculous you people never listen'];
const AGENT_SAYS = ['thank you for calling', 'okay let me help', 'i understand'];
const CARD_WORDS = new Set(['angry', 'ridiculous', 'useless', 'report']);
const RUNS = 4;
const TARGET_CARD_P95_MS = 1000;
const TARGET_RTF = 0.5;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.gz': 'application/gzip', '.wav': 'audio/wav', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** The built app plus the mounts this bench needs; missing files answer 404. */
function serve(mounts: Record<string, string>): Promise<Server> {
  const all = Object.entries({ ...mounts, '/': OUT });
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/rtf.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/vosk/vosk.js"></script>');
      return;
    }
    const [prefix, dir] = all.find(([p]) => path.startsWith(p)) ?? ['/', OUT];
    const base = resolve(dir);
    const file = normalize(join(base, path.slice(prefix.length)));
    if ((file !== base && !file.startsWith(base + sep)) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');

/** Page code (as text: tools/ compiles without the DOM): two recognisers on one model, fed as fast as possible. */
const RTF_PAGE = `async ({ model, wavs }) => {
  const decode = async (url) => {
    const buf = await (await fetch(url)).arrayBuffer();
    const view = new DataView(buf);
    let p = 12;
    while (p + 8 <= buf.byteLength) {
      const id = String.fromCharCode(...new Uint8Array(buf, p, 4)), size = view.getUint32(p + 4, true);
      if (id === 'data') {
        const n = Math.floor(Math.min(size, buf.byteLength - p - 8) / 2);
        const out = new Float32Array(n);
        for (let j = 0; j < n; j++) out[j] = view.getInt16(p + 8 + 2 * j, true) / 32768;
        return out;
      }
      p += 8 + size + (size & 1);
    }
    throw new Error('no data in ' + url);
  };
  const loaded = await Vosk.createModel(model);
  const channels = await Promise.all(wavs.map(decode));
  const t0 = performance.now();
  const done = channels.map((samples) => {
    const rec = new loaded.KaldiRecognizer(16000);
    const blocks = Math.ceil(samples.length / 1600);
    let seen = 0;
    const finished = new Promise((resolve) => {
      const count = () => { if (++seen === blocks + 1) resolve(performance.now() - t0); };
      rec.on('result', count);
      rec.on('partialresult', count);
    });
    return { rec, samples, blocks, finished };
  });
  const most = Math.max(...done.map((d) => d.blocks));
  for (let b = 0; b < most; b++) for (const d of done) if (b < d.blocks) d.rec.acceptWaveformFloat(d.samples.slice(b * 1600, (b + 1) * 1600), 16000);
  for (const d of done) d.rec.retrieveFinalResult();
  const elapsed = await Promise.race([Promise.all(done.map((d) => d.finished)), new Promise((r) => setTimeout(() => r(null), 60000))]);
  loaded.terminate();
  return elapsed ? elapsed.map((t, i) => ({ ms: t, seconds: channels[i].length / 16000 })) : null;
}`;

interface Line {
  at: number;
  channel: string;
  final: boolean;
  segment: string;
  text: string;
}

interface RunFigures {
  partial: number[];
  final: number[];
  card: number[];
}

/** One live call: both inputs play their WAVs through the app; returns the latencies seen on screen. */
async function liveRun(browser: Browser, base: string, modelUrl: string, caller: SpokenCall, agent: SpokenCall): Promise<RunFigures> {
  const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(testSourceScript({ [CALLER_INPUT]: `${base}/test-audio/caller.wav`, [AGENT_INPUT]: `${base}/test-audio/agent.wav` }));
    await page.addInitScript(RECORD_LINES_SCRIPT);
    await page.goto(`${base}/index.html?model=${encodeURIComponent(modelUrl)}#/audio`);
    await page.locator('[data-model-state="ready"]').waitFor({ timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Caller', exact: true }).selectOption({ label: CALLER_INPUT });
    await page.getByRole('combobox', { name: 'You', exact: true }).selectOption({ label: AGENT_INPUT });
    await page.getByRole('button', { name: 'Start live call' }).click();
    await page.locator('[data-phase="live"]').waitFor();
    await page.evaluate('location.hash = "#/overlay"');
    // The call is over once both WAVs have played and the recogniser has had time to end the last sentence.
    const lastWord = CALLER_SAYS.at(-1)?.split(' ').at(-1) ?? '';
    await page
      .waitForFunction(`(window.__steadyLines || []).some((l) => l.channel === 'customer' && l.final && l.text.split(' ').includes(${JSON.stringify(lastWord)}))`, undefined, {
        timeout: (Math.max(caller.seconds, agent.seconds) + 20) * 1000,
      })
      .catch(() => undefined);
    await page.evaluate('new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))');
    const played = (await page.evaluate('window.__steadyTestPlayback')) as Array<{ label: string; at: number }>;
    const lines = (await page.evaluate('window.__steadyLines')) as Line[];
    const painted = (await page.evaluate(`performance.getEntriesByType('mark').filter((m) => m.name.startsWith('steady:card-painted:')).map((m) => ({ segment: m.name.slice('steady:card-painted:'.length), at: m.startTime }))`)) as Array<{ segment: string; at: number }>;
    const start = played.find((p) => p.label === CALLER_INPUT)?.at;
    if (start === undefined) throw new Error('the caller’s sound never played');
    const customer = lines.filter((l) => l.channel === 'customer');
    const segments = [...new Set(customer.map((l) => l.segment))];
    const figures: RunFigures = { partial: [], final: [], card: [] };
    caller.words.forEach((word, index) => {
      const segment = segments[word.sentence];
      if (!segment) return;
      const ended = start + word.end * 1000;
      const shown = customer.find((l) => l.segment === segment && l.text.split(' ').includes(word.word));
      if (shown) figures.partial.push(shown.at - ended);
      const isLast = caller.words[index + 1]?.sentence !== word.sentence;
      const final = customer.find((l) => l.segment === segment && l.final);
      if (isLast && final) figures.final.push(final.at - ended);
    });
    for (const mark of painted) {
      const sentence = segments.indexOf(mark.segment);
      const trigger = caller.words.filter((w) => w.sentence === sentence && CARD_WORDS.has(w.word)).at(-1);
      if (trigger) figures.card.push(mark.at - (start + trigger.end * 1000));
    }
    return figures;
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, base: string, label: string, modelUrl: string, caller: SpokenCall, agent: SpokenCall): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/rtf.html`);
    const rtf = (await page.evaluate(`(${RTF_PAGE})(${JSON.stringify({ model: modelUrl, wavs: [`${base}/test-audio/caller-16k.wav`, `${base}/test-audio/agent-16k.wav`] })})`)) as Array<{ ms: number; seconds: number }> | null;
    if (rtf) {
      const [c, a] = rtf.map((r) => r.ms / 1000 / r.seconds);
      console.log(`  recogniser real-time factor, both channels at once (${label}): caller ${c?.toFixed(3)}, agent ${a?.toFixed(3)} (target < ${TARGET_RTF} per channel: ${Math.max(c ?? 9, a ?? 9) < TARGET_RTF ? 'met' : 'NOT met'})`);
    } else console.log(`  recogniser real-time factor (${label}): the recogniser did not finish within 60 s`);
  } finally {
    await page.close();
  }
  const all: RunFigures = { partial: [], final: [], card: [] };
  for (let run = 0; run < RUNS; run++) {
    const figures = await liveRun(browser, base, modelUrl, caller, agent);
    all.partial.push(...figures.partial);
    all.final.push(...figures.final);
    all.card.push(...figures.card);
  }
  const p95 = percentile(all.card, 95);
  console.log(`  end of a spoken word → its partial on screen (${label}): p50 ${ms(percentile(all.partial, 50))}, p95 ${ms(percentile(all.partial, 95))} (${all.partial.length} words, ${RUNS} calls; below 0 when the word showed before its sound had ended)`);
  console.log(`  end of a sentence's last word → its final on screen (${label}): p50 ${ms(percentile(all.final, 50))}, p95 ${ms(percentile(all.final, 95))} (${all.final.length} sentences; includes the recogniser's end-of-sentence silence)`);
  console.log(
    `  spoken word → card painted (${label}): p50 ${ms(percentile(all.card, 50))}, p95 ${ms(p95)} (${all.card.length} cards, ${RUNS} calls; target p95 < ${TARGET_CARD_P95_MS} ms: ${p95 < TARGET_CARD_P95_MS ? 'met' : 'NOT met'})`,
  );
}

export async function run(): Promise<void> {
  buildWebForBench(ROOT, OUT);
  const audio = mkdtempSync(join(tmpdir(), 'steady-bench-spoken-'));
  const caller = speakCall(audio, 'caller', CALLER_SAYS);
  const agent = speakCall(audio, 'agent', AGENT_SAYS);
  for (const name of ['caller', 'agent']) execFileSync('sox', [join(audio, `${name}.wav`), '-r', '16000', '-c', '1', '-b', '16', join(audio, `${name}-16k.wav`)]);
  const cache = join(ROOT, 'models', 'cache');
  const real = existsSync(cache) ? readdirSync(cache).find((f) => f.endsWith('.tar.gz')) : undefined;
  const server = await serve({
    '/test-models-toy/': join(ROOT, 'tests', 'fixtures', 'speech'),
    '/test-models-real/': cache,
    '/test-audio/': audio,
    '/vosk/': join(ROOT, 'node_modules', 'vosk-browser', 'dist'),
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...MEDIA_ARGS], headless: true });
  try {
    console.log(`  calls: the caller says "${CALLER_SAYS.join(' / ')}" (${caller.seconds.toFixed(1)} s) while the agent says "${AGENT_SAYS.join(' / ')}"; espeak-ng, made for this run`);
    console.log('  NOTE: toy model (43 words, 1.8 MB). Its speed says nothing about the real 40 MB model; only the real model\'s figures below count.');
    await measure(browser, base, 'toy model', '/test-models-toy/toy-call-en.tar.gz', caller, agent);
    if (real) await measure(browser, base, `real model ${real}`, `/test-models-real/${real}`, caller, agent);
    else console.log('  real model: not measured (none in models/cache; `npm run model:fetch` installs it, and this machine cannot download it).');
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
    rmSync(audio, { recursive: true, force: true });
  }
}
