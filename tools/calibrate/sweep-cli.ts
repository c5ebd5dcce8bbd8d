import { parseSweepSpec } from '@core/calibration';
import type { LabelledCall } from '@core/labelledCall';
import type { Profile } from '@core/profile';
import { chooseProfile, writeProfile } from './outProfile';
import { formatSweepTable, runSweepReport, sweepToJson } from './sweep';

export interface SweepOptions {
  sweep?: string;
  outProfile?: string;
  maxFalseAlertsPerHour?: number;
  /** Write the profile even though the calls file has warnings. */
  force?: boolean;
  json: boolean;
}

export const SWEEP_USAGE = '  [--sweep CUE.THRESHOLD=FROM:TO:STEP] [--out-profile OUT.json [--max-false-alerts-per-hour N] [--force]]';

/** Reads "--max-false-alerts-per-hour" as a number of alerts an hour, 0 or more. */
export function parseBudget(text: string | undefined): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new Error(`--max-false-alerts-per-hour needs a number of alerts an hour, 0 or more (got ${text === undefined ? 'nothing' : `"${text}"`})`);
  }
  return n;
}

/** Checks the combination before any work, so a mistake costs no scoring time. */
export function checkSweepOptions(o: SweepOptions): void {
  if (o.outProfile !== undefined && o.sweep === undefined) throw new Error('--out-profile picks a point from a sweep: add --sweep CUE.THRESHOLD=FROM:TO:STEP');
  if (o.maxFalseAlertsPerHour !== undefined && o.outProfile === undefined && o.sweep === undefined) throw new Error('--max-false-alerts-per-hour applies to --sweep or --out-profile');
  if (o.force && o.outProfile === undefined) throw new Error('--force only lets --out-profile write a profile despite warnings about the calls file');
  if (o.sweep !== undefined) parseSweepSpec(o.sweep);
}

/** Runs the sweep, prints it, and writes the chosen profile when asked. Returns what to print on stdout. */
export function runSweepCli(o: SweepOptions & { sweep: string }, calls: readonly LabelledCall[], profile: Profile, source: string, log: (text: string) => void): string {
  const report = runSweepReport(calls, profile, o.sweep, o.maxFalseAlertsPerHour ?? null);
  if (o.outProfile !== undefined) {
    const chosen = chooseProfile(report, source);
    writeProfile(o.outProfile, chosen);
    log(`wrote ${o.outProfile}: ${chosen.note.split('\n').pop()}`);
  }
  return o.json ? JSON.stringify(sweepToJson(report)) : formatSweepTable(report, source);
}
