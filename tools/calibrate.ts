import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CUES } from '@core/cues';
import { evaluateScored, evaluateSentimentBaseline, scoreCalls, type BaselineResult, type EvaluationResult } from '@core/evaluation';
import { findLabelledCallWarnings, formatLabelledCallError, parseLabelledCalls, type LabelledCall, type LabelledCallWarning } from '@core/labelledCall';
import { thresholdsForNote, toRecogniserForm } from '@core/model';
import { DEFAULT_PROFILE, validateProfile, type Profile } from '@core/profile';
import { checkSweepOptions, parseBudget, runSweepCli, SWEEP_USAGE, type SweepOptions } from './calibrate/sweep-cli';
import { decodeUtf8, type DecodedText } from './calibrate/utf8';
import { formatCallWarnings, profileRefusal } from './calibrate/warnings';

/**
 * `npm run calibrate -- --calls FILE.jsonl [--profile P.json] [--json] [--baseline]`
 *
 * Replays labelled calls through the cue engine's scoring and trend and prints
 * per-cue precision/recall/F1, call-level catches and lead time, false alerts
 * per hour, and throughput. Arguments are parsed into an options object and
 * each step is an exported helper, so that later flags (--sweep, --out-profile)
 * only add a step.
 */

export interface CalibrateOptions extends SweepOptions {
  calls: string;
  profile?: string;
  json: boolean;
  baseline: boolean;
  /** Score a recogniser-form copy of the calls (what live speech looks like). */
  asr: boolean;
}

/** A problem the user can fix: printed without a stack trace, exit code attached. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const USAGE = `usage: npm run calibrate -- --calls FILE.jsonl [--profile PROFILE.json] [--json] [--baseline] [--asr]\n  --asr  score the file in recogniser form (lower case, no punctuation, numbers as words), as live speech arrives\n${SWEEP_USAGE}`;

export function parseArgs(argv: readonly string[]): CalibrateOptions {
  const options: Partial<CalibrateOptions> & { json: boolean; baseline: boolean; asr: boolean } = { json: false, baseline: false, asr: false };
  const sweepValue = (arg: string, next: string | undefined): string => {
    if (next === undefined || next.startsWith('--')) throw new CliError(`${arg} needs a value\n${USAGE}`, 2);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${arg} needs a file path\n${USAGE}`, 2);
      return v;
    };
    switch (arg) {
      case '--calls':
        options.calls = value();
        break;
      case '--profile':
        options.profile = value();
        break;
      case '--json':
        options.json = true;
        break;
      case '--baseline':
        options.baseline = true;
        break;
      case '--asr':
        options.asr = true;
        break;
      case '--sweep':
        options.sweep = sweepValue(arg, argv[++i]);
        break;
      case '--force':
        options.force = true;
        break;
      case '--out-profile':
        options.outProfile = sweepValue(arg, argv[++i]);
        break;
      case '--max-false-alerts-per-hour':
        try {
          options.maxFalseAlertsPerHour = parseBudget(argv[++i]);
        } catch (error) {
          throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
        }
        break;
      case '--help':
      case '-h':
        throw new CliError(USAGE, 0);
      default:
        throw new CliError(`unknown argument "${arg}"\n${USAGE}`, 2);
    }
  }
  if (!options.calls) throw new CliError(`--calls is required\n${USAGE}`, 2);
  try {
    checkSweepOptions(options);
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  return { calls: options.calls, profile: options.profile, json: options.json, baseline: options.baseline, asr: options.asr, sweep: options.sweep, outProfile: options.outProfile, maxFalseAlertsPerHour: options.maxFalseAlertsPerHour, force: options.force };
}

/** Largest file read, in bytes: far above any labelled-call file or profile, far below what would exhaust memory. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function readText(path: string, what: string): DecodedText {
  try {
    // A device such as /dev/zero or a pipe never ends: read regular files only, and only of a sane size.
    const info = statSync(path);
    if (!info.isFile()) throw new CliError(`cannot read the ${what} "${path}": not a regular file`, 1);
    if (info.size > MAX_FILE_BYTES) throw new CliError(`cannot read the ${what} "${path}": ${Math.round(info.size / 2 ** 20)} MB is over the ${MAX_FILE_BYTES / 2 ** 20} MB limit`, 1);
    return decodeUtf8(readFileSync(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read the ${what} "${path}"${code === 'ENOENT' ? ': no such file' : `: ${(error as Error).message}`}`, 1);
  }
}

const MAX_LISTED_ERRORS = 20;

export function loadCalls(path: string): { calls: LabelledCall[]; warnings: LabelledCallWarning[] } {
  const { text, invalid } = readText(path, 'labelled-call file');
  const { calls, errors } = parseLabelledCalls(text);
  if (errors.length > 0) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => `  ${path}: ${formatLabelledCallError(e)}`);
    const more = errors.length > MAX_LISTED_ERRORS ? [`  … and ${errors.length - MAX_LISTED_ERRORS} more`] : [];
    throw new CliError([`${path} is not a valid labelled-call file (${errors.length} problem${errors.length === 1 ? '' : 's'}):`, ...listed, ...more].join('\n'), 1);
  }
  if (calls.length === 0) throw new CliError(`${path} holds no calls`, 1);
  return { calls, warnings: [...invalid, ...findLabelledCallWarnings(calls)].sort((a, b) => a.line - b.line) };
}

export function loadProfile(path: string | undefined): Profile {
  if (path === undefined) return DEFAULT_PROFILE;
  const { text, invalid } = readText(path, 'profile');
  if (invalid.length > 0) throw new CliError(`${path}: line ${invalid[0].line}: ${invalid[0].message}`, 1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, 1);
  }
  // validateProfile also migrates older profile versions.
  const parsed = validateProfile(raw);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.path || '(whole profile)'}: ${p.message}`);
    throw new CliError([`${path} is not a valid profile (${lines.length} problem${lines.length === 1 ? '' : 's'}):`, ...lines].join('\n'), 1);
  }
  return parsed.profile;
}

/** The call as the live recogniser would give it: lower case, no punctuation, numbers as words. */
export function inRecogniserForm(call: LabelledCall): LabelledCall {
  return { ...call, segments: call.segments.map((s) => ({ ...s, text: toRecogniserForm(s.text) })) };
}

export interface CalibrationReport {
  result: EvaluationResult;
  segmentsPerSecond: number;
  baseline?: BaselineResult;
}

export function runCalibration(calls: readonly LabelledCall[], profile: Profile, withBaseline = false): CalibrationReport {
  const started = performance.now();
  const result = evaluateScored(scoreCalls(calls, profile), profile);
  const seconds = (performance.now() - started) / 1000;
  const report: CalibrationReport = { result, segmentsPerSecond: Math.round(result.segments / Math.max(seconds, 1e-6)) };
  if (withBaseline) report.baseline = evaluateSentimentBaseline(calls);
  return report;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export function toJson(report: CalibrationReport): Record<string, unknown> {
  const { result } = report;
  const cues = Object.fromEntries(
    CUES.map((cue) => {
      const m = result.cues[cue];
      return [cue, { precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), tp: m.tp, fp: m.fp, fn: m.fn }];
    }),
  );
  const a = result.alerts;
  const json: Record<string, unknown> = {
    calls: result.calls,
    segments: result.segments,
    cues,
    macroF1: round(result.macroF1),
    alerts: {
      unlabelledCalls: a.unlabelledCalls,
      unlabelledHours: round(a.unlabelledHours),
      falseAlerts: a.falseAlerts,
      falseAlertsPerHour: round(a.falseAlertsPerHour, 2),
      perCue: Object.fromEntries(
        CUES.map((cue) => {
          const p = a.perCue[cue];
          return [cue, { ...p, catchRate: round(p.catchRate), medianLeadSeconds: p.medianLeadSeconds === null ? null : round(p.medianLeadSeconds, 2), falseAlertsPerHour: round(p.falseAlertsPerHour, 2) }];
        }),
      ),
    },
    segmentsPerSecond: report.segmentsPerSecond,
  };
  if (report.baseline) {
    const b = report.baseline;
    json.baseline = { distressF1: round(b.distress.f1), hostilityF1: round(b.hostility.f1), macroF1: round(b.macroF1) };
  }
  return json;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatTable(report: CalibrationReport, source: string): string {
  const { result } = report;
  const out: string[] = [];
  out.push(`${source}: ${result.calls} calls, ${result.segments} customer segments`);
  out.push('');
  out.push('cue        precision  recall     F1      TP      FP      FN');
  for (const cue of CUES) {
    const m = result.cues[cue];
    out.push(`${cue.padEnd(10)} ${pct(m.precision).padStart(9)} ${pct(m.recall).padStart(7)} ${m.f1.toFixed(3).padStart(6)} ${String(m.tp).padStart(7)} ${String(m.fp).padStart(7)} ${String(m.fn).padStart(7)}`);
  }
  out.push(`macro-F1 (distress, hostility): ${result.macroF1.toFixed(3)}`);
  if (report.baseline) {
    const b = report.baseline;
    out.push(`baseline, sentiment AFINN <= -2 flags both: distress F1 ${b.distress.f1.toFixed(3)}, hostility F1 ${b.hostility.f1.toFixed(3)}, macro-F1 ${b.macroF1.toFixed(3)}`);
  }
  out.push('');
  out.push('cue        labelled calls  caught   median lead  false alerts/h (unlabelled calls)');
  for (const cue of CUES) {
    const p = result.alerts.perCue[cue];
    const lead = p.medianLeadSeconds === null ? '–' : `${p.medianLeadSeconds.toFixed(1)} s`;
    out.push(`${cue.padEnd(10)} ${String(p.labelledCalls).padStart(14)}  ${pct(p.catchRate).padStart(6)}  ${lead.padStart(11)}  ${p.falseAlertsPerHour.toFixed(2).padStart(8)}`);
  }
  const a = result.alerts;
  out.push(`unlabelled calls: ${a.unlabelledCalls} (${a.unlabelledHours.toFixed(2)} h), ${a.falseAlerts} false alerts, ${a.falseAlertsPerHour.toFixed(2)} per hour`);
  out.push(`throughput: ${report.segmentsPerSecond.toLocaleString('en')} segments/s (scoring and trend)`);
  return out.join('\n');
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Control characters other than newline and tab, as a file or a file name may carry them (ESC would drive the terminal). */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Shows control characters as \u escapes, so nothing printed can move the cursor, recolour or retitle the terminal. */
export function escapeControl(text: string): string {
  return text.replace(TERMINAL_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function main(argv: readonly string[], rawIo: CliIo): number {
  const io: CliIo = { stdout: (text) => rawIo.stdout(escapeControl(text)), stderr: (text) => rawIo.stderr(escapeControl(text)) };
  try {
    const options = parseArgs(argv);
    const profile = loadProfile(options.profile);
    const linesNote = options.profile === undefined ? null : thresholdsForNote(profile);
    if (linesNote) io.stderr(`${options.profile}: ${linesNote}`);
    const loaded = loadCalls(options.calls);
    const calls = options.asr ? loaded.calls.map(inRecogniserForm) : loaded.calls;
    const warnings = loaded.warnings;
    if (warnings.length > 0) io.stderr(formatCallWarnings(options.calls, warnings));
    const refusal = profileRefusal(options, options.calls, warnings);
    if (refusal !== null) throw new CliError(refusal, 1);
    if (options.sweep !== undefined) {
      try {
        io.stdout(runSweepCli({ ...options, sweep: options.sweep }, calls, profile, options.calls, io.stderr));
      } catch (error) {
        throw error instanceof CliError ? error : new CliError((error as Error).message, 1);
      }
      return 0;
    }
    const report = runCalibration(calls, profile, options.baseline);
    io.stdout(options.json ? JSON.stringify(toJson(report)) : formatTable(report, options.calls));
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      (error.exitCode === 0 ? io.stdout : io.stderr)(error.message);
      return error.exitCode;
    }
    io.stderr(`calibrate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
