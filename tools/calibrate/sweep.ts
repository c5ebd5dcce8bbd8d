import { performance } from 'node:perf_hooks';
import { bestF1, bestRecallUnderBudget, createCallEvaluator, formatTarget, parseSweepSpec, runSweep, type SweepPoint, type SweepSpec } from '@core/calibration';
import type { LabelledCall } from '@core/labelledCall';
import type { Profile } from '@core/profile';

/** `--sweep CUE.THRESHOLD=FROM:TO:STEP`: one threshold moved over a range, every other setting held. */
export interface SweepReport {
  spec: SweepSpec;
  points: SweepPoint[];
  best: { f1: SweepPoint | null; recallUnderBudget: SweepPoint | null };
  budget: number | null;
  /** Stage (b) only: trend and metrics over cached scores, segments evaluated a second across the sweep. */
  segmentsPerSecond: number;
  scoringSeconds: number;
}

export function runSweepReport(calls: readonly LabelledCall[], profile: Profile, specText: string, budget: number | null): SweepReport {
  const spec = parseSweepSpec(specText);
  const t0 = performance.now();
  const evaluator = createCallEvaluator(calls, profile);
  const t1 = performance.now();
  const points = runSweep(evaluator.evaluate, profile, spec);
  const t2 = performance.now();
  const segments = evaluator.scored.time.length * points.length;
  return {
    spec,
    points,
    best: {
      f1: bestF1(points, spec.target.cue),
      recallUnderBudget: budget === null ? null : bestRecallUnderBudget(points, spec.target.cue, budget),
    },
    budget,
    segmentsPerSecond: Math.round(segments / Math.max((t2 - t1) / 1000, 1e-6)),
    scoringSeconds: (t1 - t0) / 1000,
  };
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function sweepToJson(report: SweepReport): Record<string, unknown> {
  const { cue } = report.spec.target;
  return {
    sweep: formatTarget(report.spec.target),
    from: report.spec.from,
    to: report.spec.to,
    step: report.spec.step,
    points: report.points.map((p) => {
      const m = p.metrics.cues[cue];
      const a = p.metrics.alerts.perCue[cue];
      return {
        value: p.value,
        precision: round(m.precision),
        recall: round(m.recall),
        f1: round(m.f1),
        tp: m.tp,
        fp: m.fp,
        fn: m.fn,
        labelledCalls: a.labelledCalls,
        caught: a.caught,
        medianLeadSeconds: a.medianLeadSeconds === null ? null : round(a.medianLeadSeconds, 2),
        falseAlertsPerHour: round(p.metrics.alerts.falseAlertsPerHour, 2),
        cueFalseAlertsPerHour: round(a.falseAlertsPerHour, 2),
      };
    }),
    bestF1: report.best.f1?.value ?? null,
    ...(report.budget === null ? {} : { maxFalseAlertsPerHour: report.budget, bestRecallUnderBudget: report.best.recallUnderBudget?.value ?? null }),
    segmentsPerSecond: report.segmentsPerSecond,
  };
}

export function formatSweepTable(report: SweepReport, source: string): string {
  const { cue } = report.spec.target;
  const name = formatTarget(report.spec.target);
  const out: string[] = [];
  out.push(`${source}: sweep of ${name} from ${report.spec.from} to ${report.spec.to} by ${report.spec.step} (${report.points.length} points)`);
  out.push('');
  out.push(`${'value'.padStart(8)}  precision  recall      F1     TP     FP     FN   caught  median lead  false alerts/h`);
  for (const p of report.points) {
    const m = p.metrics.cues[cue];
    const a = p.metrics.alerts.perCue[cue];
    const lead = a.medianLeadSeconds === null ? '–' : `${a.medianLeadSeconds.toFixed(1)} s`;
    const marks = `${p === report.best.f1 ? ' *' : ''}${p === report.best.recallUnderBudget ? ' †' : ''}`;
    out.push(
      `${String(p.value).padStart(8)}  ${pct(m.precision).padStart(9)}  ${pct(m.recall).padStart(6)}  ${m.f1.toFixed(3).padStart(6)}  ${String(m.tp).padStart(5)}  ${String(m.fp).padStart(5)}  ${String(m.fn).padStart(5)}  ${`${a.caught}/${a.labelledCalls}`.padStart(7)}  ${lead.padStart(11)}  ${p.metrics.alerts.falseAlertsPerHour.toFixed(2).padStart(14)}${marks}`,
    );
  }
  out.push('');
  out.push(report.best.f1 ? `* best F1 for ${cue}: ${name} = ${report.best.f1.value} (F1 ${report.best.f1.metrics.cues[cue].f1.toFixed(3)})` : '* no point');
  if (report.budget !== null) {
    const b = report.best.recallUnderBudget;
    out.push(
      b
        ? `† best recall within ${report.budget} false alerts/h: ${name} = ${b.value} (recall ${pct(b.metrics.cues[cue].recall)}, ${b.metrics.alerts.falseAlertsPerHour.toFixed(2)} false alerts/h)`
        : `† no point stays within ${report.budget} false alerts/h`,
    );
  }
  out.push(`false alerts/h counts every cue on calls without labels. Throughput: ${report.segmentsPerSecond.toLocaleString('en')} segments/s (trend and metrics; scoring once took ${report.scoringSeconds.toFixed(2)} s)`);
  return out.join('\n');
}
