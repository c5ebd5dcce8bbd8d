import { writeFileSync } from 'node:fs';
import { bestF1, withThreshold } from '@core/calibration';
import { evaluateScored, evaluateSentimentBaseline, scoreCalls, type ScoredCalls } from '@core/evaluation';
import type { LabelledCall } from '@core/labelledCall';
import { createCueScorer } from '@core/model';
import type { ContextSettings, CueModel, CueModelFile, ModelCue } from '@core/model/types';
import type { Profile } from '@core/profile';
import { ALERT_LINES } from '@core/training';
import { inRecogniserForm } from '../calibrate';
import { HOSTILITY_ONLY_SOURCES, SHIPPABLE_SOURCES } from './data';
import type { TrainSettings } from '@core/training/logistic';
import type { ChosenSettings } from './settings';

export interface CardInput {
  file: CueModelFile;
  model: CueModel;
  chosen: ChosenSettings;
  profile: Profile;
  seconds: number;
  train: TrainSettings;
  /** Row weight per cue and set (1 where not named). */
  sourceWeights: Readonly<Record<ModelCue, Readonly<Record<string, number>>>>;
  dev: ReadonlyArray<{ name: string; calls: LabelledCall[] }>;
  date: string;
}

export interface FileFigures {
  file: string;
  macroF1: number;
  asrMacroF1: number;
  baseline: number;
  distressF1: number;
  hostilityF1: number;
  hostilityCaught: number;
  distressCaught: number;
  falseAlertsPerHour: number;
  ownLine: Record<ModelCue, OwnLine>;
}

/** One dev file's F1 for a cue at the default profile's alert line, and at the line that suits that file alone. */
export interface OwnLine {
  shippedF1: number;
  best: number;
  bestF1: number;
}

/**
 * The line of ALERT_LINES (those adapting tries) with the best F1 on these calls alone, everything else as in the
 * profile: picked as the workbench sweep's "Pick best F1" picks.
 */
export function ownBestLine(scored: ScoredCalls, profile: Profile, cue: ModelCue): OwnLine {
  const shippedF1 = evaluateScored(scored, profile).cues[cue].f1;
  const points = ALERT_LINES.map((value) => ({ value, metrics: evaluateScored(scored, withThreshold(profile, { cue, key: 'rising' }, value)) }));
  const best = bestF1(points, cue);
  return best && best.metrics.cues[cue].f1 > shippedF1 ? { shippedF1, best: best.value, bestF1: best.metrics.cues[cue].f1 } : { shippedF1, best: profile.thresholds[cue].rising, bestF1: shippedF1 };
}

/** The figures `npm run calibrate` prints for each dev file with the shipped default profile, written and in recogniser form. */
export function devFigures(input: Pick<CardInput, 'dev' | 'model' | 'profile'>): FileFigures[] {
  return input.dev.map(({ name, calls }) => {
    const scorer = createCueScorer(input.profile, input.model);
    const scored = scoreCalls(calls, input.profile, scorer);
    const written = evaluateScored(scored, input.profile);
    const spoken = evaluateScored(scoreCalls(calls.map(inRecogniserForm), input.profile, scorer), input.profile);
    return {
      file: name,
      macroF1: written.macroF1,
      asrMacroF1: spoken.macroF1,
      baseline: evaluateSentimentBaseline(calls).macroF1,
      distressF1: written.cues.distress.f1,
      hostilityF1: written.cues.hostility.f1,
      hostilityCaught: written.alerts.perCue.hostility.catchRate,
      distressCaught: written.alerts.perCue.distress.catchRate,
      falseAlertsPerHour: written.alerts.falseAlertsPerHour,
      ownLine: { distress: ownBestLine(scored, input.profile, 'distress'), hostility: ownBestLine(scored, input.profile, 'hostility') },
    };
  });
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** '-' where the set says nothing about the cue (the abuse-only sets and distress). */
function rowWeight(input: Pick<CardInput, 'sourceWeights'>, cue: ModelCue, source: string): string {
  if (cue === 'distress' && HOSTILITY_ONLY_SOURCES.has(source)) return '-';
  return String(input.sourceWeights[cue][source] ?? 1);
}

export function figuresTable(rows: readonly FileFigures[]): string[] {
  return [
    '| file | macro-F1 (written) | macro-F1 (recogniser form, `--asr`) | `--baseline` | distress F1 | hostility F1 | hostility caught | distress caught | false alerts / hour |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.file.replace(/\.jsonl$/, '')} | ${r.macroF1.toFixed(3)} | ${r.asrMacroF1.toFixed(3)} | ${r.baseline.toFixed(3)} | ${r.distressF1.toFixed(3)} | ${r.hostilityF1.toFixed(3)} | ${pct(r.hostilityCaught)} | ${pct(r.distressCaught)} | ${r.falseAlertsPerHour.toFixed(2)} |`),
  ];
}

/** Each file's own best line per cue beside the shipped one: the dev files do not agree on where the line belongs. */
export function ownLinesTable(rows: readonly FileFigures[], profile: Profile): string[] {
  const at = (o: OwnLine): string => (o.bestF1 > o.shippedF1 ? `${o.bestF1.toFixed(3)} at ${o.best}` : 'no better line');
  return [
    `| file | distress F1 at ${profile.thresholds.distress.rising} | at the file's own best line | hostility F1 at ${profile.thresholds.hostility.rising} | at the file's own best line |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.file.replace(/\.jsonl$/, '')} | ${r.ownLine.distress.shippedF1.toFixed(3)} | ${at(r.ownLine.distress)} | ${r.ownLine.hostility.shippedF1.toFixed(3)} | ${at(r.ownLine.hostility)} |`),
  ];
}

function most(c: ContextSettings, cue: ModelCue): string {
  return String(c.customerMost?.[cue] ?? 'no limit');
}

/** Writes MODEL_CARD.md: what the model is, what it was trained on under which licence, how, and how well it does. */
export function writeModelCard(path: string, input: CardInput): FileFigures[] {
  const figures = devFigures(input);
  const c = input.file.context;
  const lines = [
    '# Steady cue model: model card',
    '',
    '<!-- Written by `npm run train`; do not edit by hand. -->',
    '',
    `Trained ${input.date} with seed ${input.file.seed} in ${input.seconds.toFixed(0)} s; the same inputs and seed give a byte-identical \`core/model/cue-model.json\`.`,
    '',
    `Model id \`${input.model.id}\` (from its weights, calibration and context settings): a profile records the id its thresholds were chosen with (\`thresholdsFor\`), and Steady asks for a check when that is not the model it runs on.`,
    '',
    '## What it is',
    'Two logistic regressions (distress, hostility) over one customer utterance in recogniser form (lower case, no punctuation,',
    'numbers as words): hashed word unigrams and bigrams, hashed character 3- to 5-grams within words (2^18 slots), and dense',
    "features from Steady's lexicon and AFINN. Courtesy (\"please\", \"I'm afraid not\", \"sorry to bother you\"), the talk of the",
    'phone line ("sorry, I didn\'t catch that", "you\'re breaking up"), a "miss" said to someone ("excuse me, miss") and the',
    'words calls are about ("I lost my card", "account", "charged", "refund") are not read. Probabilities are calibrated by Platt scaling on one training row',
    'in ten, held out. The conversation so far adds to the log-odds: the decayed sum of the customer\'s earlier turn probabilities',
    '(above 0.2), and no more than a limit to a turn that reads calm by itself (below 0.1), so that a level can fade; and whether',
    'the agent\'s last turn was bad news. The agent\'s words are never scored. Safety (self-harm) stays',
    'rule-based: no labelled data exists for it. Profile phrases act on the probability directly.',
    '',
    '## Trained on (only sets whose licence allows shipping weights in a commercial product)',
    '| file | set | licence | rows used | row weight (distress / hostility) |',
    '| --- | --- | --- | --- | --- |',
    ...input.file.trainedOn.map((t) => `| ${t.file} | ${t.source} | ${SHIPPABLE_SOURCES[t.source] ?? '?'} | ${t.rows} | ${rowWeight(input, 'distress', t.source)} / ${rowWeight(input, 'hostility', t.source)} |`),
    '',
    'GoEmotions, XED and Topical-Chat give both cues (Topical-Chat: both sides, each labelled by its writer); Davidson and ConvAbuse',
    "label abuse only, so their rows train hostility and say nothing about distress. XED's subtitles count half for distress:",
    "they are further from calls and their labels noisier. Davidson's tweets count 0.05 of a row: only its hate speech is labelled",
    'hostile, and its far larger class of insults and swearing is labelled calm. For hostility each set has its own intercept',
    'while training, so that its base rate (about 4% emotional turns in Topical-Chat, 35% in XED) is not learnt by the words',
    'typical of that set; the intercepts are left out of the model file. For distress they ranked worse on MELD and lost',
    'EmoryNLP about 0.02, so distress learns without them.',
    '',
    '## Used to choose settings, never weights',
    `${input.dev.map((d) => d.name).join(', ')} (DailyDialog: CC BY-NC-SA 4.0; MELD and EmoryNLP: GPL-3.0, TV transcripts; GoEmotions dev).`,
    'Chosen there, with each file counted equally and the weakest file lifted first, among the settings that catch every labelled',
    'practice call (`tests/fixtures/scenarios`) and alert on none of the calm ones: the context settings in the model file',
    `(decay per customer turn distress ${c.turnDecay.distress} / hostility ${c.turnDecay.hostility}; log-odds per unit of earlier heat ${c.customer.distress} / ${c.customer.hostility},`,
    `at most ${most(c, 'distress')} / ${most(c, 'hostility')} to a turn that reads calm by itself;`,
    `after bad news ${c.agentBadNews.distress} / ${c.agentBadNews.hostility}) and the default profile's rising thresholds (distress ${input.chosen.rising.distress},`,
    `hostility ${input.chosen.rising.hostility}), the share a calm turn keeps (${input.chosen.calmTurnDecay}) and the minimum hold (${input.chosen.minHold} s).`,
    'Where the dev files cannot tell settings apart, the one whose practice-call turns read closer to their labels wins (a level',
    'that never fades once the caller calms marks calm turns), then the higher sum of the dev files\' F1.',
    '',
    `Training: AdaGrad, ${input.train.epochs} epochs, learning rate ${input.train.learningRate}, L2 ${input.train.l2}, positive rows weighted ${input.train.positiveWeight}.`,
    '',
    '## Figures (default profile, `npm run calibrate -- --calls ../shared/data/calls/FILE.jsonl [--asr] [--baseline]`)',
    ...figuresTable(figures),
    '',
    'Caught: calls with the cue whose alert came no later than one customer segment after the first labelled one. False alerts per',
    'hour: alerts on calls with no label at all.',
    '',
    '## One line does not suit every kind of call',
    "The dev files disagree on where the alert line belongs. Each file's F1 at the default profile's rising line, and at the line",
    "(of those adapting to your own calls tries) that is best for that file alone, everything else unchanged:",
    '',
    ...ownLinesTable(figures, input.profile),
    '',
    "A line chosen for one kind of call costs another: the shipped lines are the compromise the search above found. Each file's",
    'own best line is chosen on that file, so its figure flatters it more than the shipped one.',
    '',
    '## Limits',
    '- Trained on written English from Reddit, film subtitles, chats, tweets and chatbot users, not on phone calls; live speech',
    '  comes through a recogniser that gets words wrong. Adapt it to your own calls before relying on it.',
    '- English only. Sarcasm ("oh great, just great") is mostly missed.',
    '- It scores words, not voices; raised voice and other acoustic signals are added by the engine.',
    '- Separate test sets, never seen here, judge it; the dev figures above were used to choose settings and flatter it.',
    '- Its alert lines are a compromise between kinds of conversation (see above): your calls will want their own. Check them on',
    '  your labelled calls in the workbench, or adapt the model (`npm run train -- --calls`), which chooses the lines on your calls too.',
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return figures;
}
