import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabelledCalls } from '@core/labelledCall/parse';
import { buildScenarios } from '../fixtures/scenarios/scripts';
import { wordCount, type ScenarioCall } from '../fixtures/scenarios/timing';

/** The practice calls the overlay bundles: well formed, honestly labelled, in step with their scripts. */

const DIR = join(__dirname, '..', 'fixtures', 'scenarios');
const EXPECTED_FILES = [
  '01-calm.jsonl',
  '02-slow-hostility.jsonl',
  '03-sudden-abuse.jsonl',
  '04-tearful-distress.jsonl',
  '05-hardship-bad-news.jsonl',
  '06-safety.jsonl',
  '07-traps.jsonl',
  '08-calm-30min.jsonl',
];

interface IndexEntry {
  file: string;
  id: string;
  title: string;
  description: string;
}

const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as IndexEntry[];
const raw = (file: string): string => readFileSync(join(DIR, file), 'utf8');
const call = (file: string): ScenarioCall => JSON.parse(raw(file)) as ScenarioCall;
const customer = (file: string) => call(file).segments.filter((s) => s.speaker === 'customer');
const labels = (file: string) => customer(file).map((s) => s.label);

describe('practice call index', () => {
  it('lists the eight scenarios in order, each with an id, title and description', () => {
    expect(index.map((e) => e.file)).toEqual(EXPECTED_FILES);
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length);
    for (const entry of index) {
      expect(entry.title.length).toBeGreaterThan(3);
      expect(entry.description.length).toBeGreaterThan(20);
      const c = call(entry.file);
      expect({ id: c.id, title: c.title, description: c.description }).toEqual({ id: entry.id, title: entry.title, description: entry.description });
    }
  });

  it('matches the scripts it is generated from (run generate.ts after editing a script)', () => {
    for (const { file, call: built } of buildScenarios()) expect(raw(file)).toBe(`${JSON.stringify(built)}\n`);
  });
});

describe.each(EXPECTED_FILES)('%s', (file) => {
  it('parses as one labelled call with no errors', () => {
    const parsed = parseLabelledCalls(raw(file));
    expect(parsed.errors).toEqual([]);
    expect(parsed.calls).toHaveLength(1);
  });

  it('has plausible timing: in order, no overlap, about 2.5 words a second', () => {
    const { segments } = call(file);
    let previousEnd = -1;
    for (const s of segments) {
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.start).toBeGreaterThanOrEqual(previousEnd + 0.5);
      const rate = wordCount(s.text) / (s.end - s.start);
      expect(rate).toBeGreaterThan(1);
      expect(rate).toBeLessThanOrEqual(2.6);
      previousEnd = s.end;
    }
  });

  it('has both speakers, and never labels the agent', () => {
    const { segments } = call(file);
    expect(segments.some((s) => s.speaker === 'agent')).toBe(true);
    expect(segments.some((s) => s.speaker === 'customer')).toBe(true);
    for (const s of segments.filter((x) => x.speaker === 'agent')) expect(s.label).toBe('none');
  });
});

describe('scenario content', () => {
  it('keeps both calm calls free of any label', () => {
    expect(call('01-calm.jsonl').segments.every((s) => s.label === 'none')).toBe(true);
    expect(call('08-calm-30min.jsonl').segments.every((s) => s.label === 'none')).toBe(true);
  });

  it('makes the long calm call last at least thirty minutes', () => {
    const { segments } = call('08-calm-30min.jsonl');
    expect(segments.at(-1)?.end).toBeGreaterThanOrEqual(30 * 60);
    expect(segments.length).toBeGreaterThan(200);
  });

  it('builds hostility over several customer turns after a calm start', () => {
    const l = labels('02-slow-hostility.jsonl');
    const onset = l.indexOf('hostility');
    expect(onset).toBeGreaterThanOrEqual(2);
    expect(l.slice(onset).filter((x) => x === 'hostility').length).toBeGreaterThanOrEqual(4);
    expect(l).not.toContain('safety');
  });

  it('has abuse and a threat in the sudden-abuse call, with the agent warning once before ending', () => {
    const c = call('03-sudden-abuse.jsonl');
    const hostile = c.segments.filter((s) => s.label === 'hostility').map((s) => s.text).join(' ');
    expect(hostile).toMatch(/idiot/);
    expect(hostile).toMatch(/come down there/);
    const agent = c.segments.filter((s) => s.speaker === 'agent').map((s) => s.text);
    expect(agent.findIndex((t) => /if the language continues/i.test(t))).toBeLessThan(agent.findIndex((t) => /ending the call/i.test(t)));
  });

  it('marks the tears in the tearful call as distress', () => {
    const tears = customer('04-tearful-distress.jsonl').find((s) => /crying/.test(s.text));
    expect(tears?.label).toBe('distress');
    expect(labels('04-tearful-distress.jsonl').filter((x) => x === 'distress').length).toBeGreaterThanOrEqual(4);
  });

  it('has an extension declined and a refund refused in the hardship call, with the reactions labelled', () => {
    const agent = call('05-hardship-bad-news.jsonl').segments.filter((s) => s.speaker === 'agent').map((s) => s.text).join(' ');
    expect(agent).toMatch(/unable to give another extension/i);
    expect(agent).toMatch(/not able to refund/i);
    expect(labels('05-hardship-bad-news.jsonl')).toEqual(expect.arrayContaining(['distress', 'hostility']));
  });

  it('labels the self-harm statements in the safety call as safety, and only those', () => {
    const safety = customer('06-safety.jsonl').filter((s) => s.label === 'safety');
    expect(safety.map((s) => s.text).join(' ')).toMatch(/better off without me/);
    expect(safety.length).toBe(2);
    const agent = call('06-safety.jsonl').segments.filter((s) => s.speaker === 'agent').map((s) => s.text).join(' ');
    expect(agent).toMatch(/are you safe right now/i);
  });

  it('labels the negation traps none and the sarcasm hostility', () => {
    const turns = customer('07-traps.jsonl');
    const labelOf = (re: RegExp) => turns.find((s) => re.test(s.text))?.label;
    expect(labelOf(/not angry/)).toBe('none');
    expect(labelOf(/not your fault/)).toBe('none');
    expect(labelOf(/I'd kill for/)).toBe('none');
    expect(labelOf(/Great, just great/)).toBe('hostility');
    expect(labelOf(/worked so well/)).toBe('hostility');
  });
});
