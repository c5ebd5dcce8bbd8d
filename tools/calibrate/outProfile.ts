import { writeFileSync } from 'node:fs';
import { formatTarget, withThresholdChosen } from '@core/calibration';
import { serializeProfile, validateProfile, type Profile } from '@core/profile';
import type { SweepReport } from './sweep';

/**
 * `--out-profile P.json`: the swept profile at the chosen point, best F1 or,
 * with `--max-false-alerts-per-hour N`, best recall within that budget.
 * Throws with a plain message when no point qualifies; nothing is written then.
 */
export function chooseProfile(report: SweepReport, source: string): Profile {
  const rule = report.budget === null ? 'best F1' : `best recall within ${report.budget} false alerts/h`;
  const point = report.budget === null ? report.best.f1 : report.best.recallUnderBudget;
  if (!point) throw new Error(`no point of the sweep meets "${rule}"; no profile written. Widen the sweep or raise --max-false-alerts-per-hour.`);
  const { cue } = report.spec.target;
  const m = point.metrics.cues[cue];
  const why = `${formatTarget(report.spec.target)} = ${point.value} chosen by ${rule} on ${source}: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}, F1 ${m.f1.toFixed(3)}, ${point.metrics.alerts.falseAlertsPerHour.toFixed(2)} false alerts/h.`;
  const note = [point.profile.note, why].filter(Boolean).join('\n');
  // The chosen point's line, recorded as chosen with the model the sweep scored with.
  const profile = { ...withThresholdChosen(point.profile, report.spec.target, point.value), note: note.length > 2000 ? note.slice(note.length - 2000) : note };
  const checked = validateProfile(profile);
  if (!checked.ok) throw new Error(`the chosen profile does not validate: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return checked.profile;
}

export function writeProfile(path: string, profile: Profile): void {
  writeFileSync(path, serializeProfile(profile), 'utf8');
}
