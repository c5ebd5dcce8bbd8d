import { writeFileSync } from 'node:fs';
import type { EvaluationResult } from '@core/evaluation';
import { MODEL_CUES } from '@core/model/types';
import { serializeProfile, type Profile } from '@core/profile';
import { adaptSteps, runToEnd, type AdaptReport } from '@core/training';
import { loadProfile } from '../calibrate';
import { readCallsFile } from './data';

/**
 * `npm run train -- --calls OUR.jsonl [--calls MORE.jsonl] --out-profile P.json [--profile BASE.json] [--json]`:
 * the command-line face of core/training/adapt.ts (the workbench's worker is the other).
 */

export function adaptToCalls(files: readonly string[], baseProfile: string | undefined, seed: number, log: (line: string) => void): AdaptReport {
  const base = loadProfile(baseProfile);
  const calls = files.flatMap((f) => readCallsFile(f).calls);
  const report = runToEnd(adaptSteps(calls, base, { seed, date: new Date().toISOString().slice(0, 10) }));
  for (const k of report.keptAsWas) log(`${k.cue}: kept as it was: ${k.why}`);
  return report;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatAdaptReport(r: AdaptReport): string {
  const lines = [`learnt from ${r.trainCalls} calls; measured on ${r.heldOutCalls} held-out calls (one in five, never learnt from)`, ''];
  lines.push('                       before                        after');
  lines.push('cue          precision recall   F1       precision recall   F1');
  for (const cue of MODEL_CUES) {
    const b = r.before.cues[cue];
    const a = r.after.cues[cue];
    lines.push(`${cue.padEnd(12)} ${pct(b.precision).padStart(8)} ${pct(b.recall).padStart(7)} ${b.f1.toFixed(3)}    ${pct(a.precision).padStart(8)} ${pct(a.recall).padStart(7)} ${a.f1.toFixed(3)}`);
  }
  lines.push(`macro-F1     ${r.before.macroF1.toFixed(3)} -> ${r.after.macroF1.toFixed(3)}`);
  for (const cue of MODEL_CUES) lines.push(`${cue} calls caught ${pct(r.before.alerts.perCue[cue].catchRate)} -> ${pct(r.after.alerts.perCue[cue].catchRate)}`);
  lines.push(`false alerts per hour (unlabelled calls) ${r.before.alerts.falseAlertsPerHour.toFixed(2)} -> ${r.after.alerts.falseAlertsPerHour.toFixed(2)}`);
  const passes = MODEL_CUES.filter((c) => r.passes[c] !== undefined).map((c) => `${c} ${r.passes[c]}`);
  if (passes.length > 0) lines.push(`passes over the calls: ${passes.join(', ')} (at least five: as many as ranked a check part of the calls learnt from best)`);
  return lines.join('\n');
}

export function adaptJson(r: AdaptReport): Record<string, unknown> {
  const figures = (e: EvaluationResult) => ({
    macroF1: Number(e.macroF1.toFixed(4)),
    cues: Object.fromEntries(MODEL_CUES.map((c) => [c, { precision: Number(e.cues[c].precision.toFixed(4)), recall: Number(e.cues[c].recall.toFixed(4)), f1: Number(e.cues[c].f1.toFixed(4)), caught: Number(e.alerts.perCue[c].catchRate.toFixed(4)) }])),
    falseAlertsPerHour: Number(e.alerts.falseAlertsPerHour.toFixed(4)),
  });
  return { trainCalls: r.trainCalls, heldOutCalls: r.heldOutCalls, adapted: r.adapted, passes: r.passes, keptAsWas: r.keptAsWas, before: figures(r.before), after: figures(r.after), thresholds: r.profile.thresholds };
}

export function writeAdaptedProfile(path: string, profile: Profile): void {
  writeFileSync(path, serializeProfile(profile));
}
