import { describe, expect, it } from 'vitest';
import { TranscriptMapper } from '../../renderer/src/speech/transcriptMapper';
import { classifyWorkerError, isStrayWorkerError } from '../../renderer/src/speech/modelErrors';

describe('recogniser output becomes transcript events on the call clock', () => {
  it('announces partials and then one final with the same segment id, words shifted by the channel offset', () => {
    const m = new TranscriptMapper('customer', 10);
    const p1 = m.partial({ partial: 'i want' }, 1.2);
    const p2 = m.partial({ partial: 'i want' }, 1.3); // unchanged: not repeated
    const p3 = m.partial({ partial: 'i want to' }, 1.5);
    const final = m.final(
      {
        text: 'i want to complain',
        result: [
          { word: 'i', start: 0.5, end: 0.6, conf: 1 },
          { word: 'want', start: 0.6, end: 0.9, conf: 0.9 },
          { word: 'to', start: 0.9, end: 1.0, conf: 0.8 },
          { word: 'complain', start: 1.0, end: 1.6, conf: 0.7 },
        ],
      },
      1.8,
    );
    expect(p1).toMatchObject({ type: 'partial', channel: 'customer', segmentId: 'customer-0', text: 'i want' });
    expect(p2).toBeNull();
    expect(p3?.segmentId).toBe('customer-0');
    expect(p3!.end).toBeCloseTo(11.5);
    expect(final).toMatchObject({ type: 'final', segmentId: 'customer-0', text: 'i want to complain', start: 10.5, end: 11.6 });
    expect(final?.words?.[3]).toEqual({ word: 'complain', start: 11, end: 11.6, conf: 0.7 });
    // The next utterance gets a new id.
    expect(m.partial({ partial: 'hello' }, 3)?.segmentId).toBe('customer-1');
  });

  it('drops empty finals but still closes the segment the partials opened', () => {
    const m = new TranscriptMapper('agent', 0);
    m.partial({ partial: 'uh' }, 0.5);
    expect(m.final({ text: '' }, 0.8)).toBeNull();
    expect(m.partial({ partial: 'okay' }, 1.2)?.segmentId).toBe('agent-1');
  });
});

describe('speech worker errors', () => {
  it('tells stray worker noise from real failures', () => {
    expect(isStrayWorkerError("Cannot read properties of undefined (reading 'done')")).toBe(true);
    expect(isStrayWorkerError('Failed to fetch model')).toBe(false);
    expect(isStrayWorkerError("Cannot read properties of undefined (reading 'acceptWaveform')")).toBe(false);
  });

  it('maps raw errors to problems a user can act on', () => {
    expect(classifyWorkerError('Cannot enlarge memory arrays')).toBe('memory');
    expect(classifyWorkerError('RangeError: WebAssembly.Memory(): could not allocate memory')).toBe('memory');
    expect(classifyWorkerError('HTTP 404 Not Found')).toBe('missing');
    expect(classifyWorkerError('incorrect header check')).toBe('corrupt');
    expect(classifyWorkerError('Failed to open /vosk/x/am/final.mdl')).toBe('layout');
    expect(classifyWorkerError('something odd')).toBe('unknown');
  });
});
