import type { CallRecord, CardRecord, CueChangeRecord, SegmentRecord } from './records';
import { callRowSchema, cardRowSchema, cueChangeRowSchema, segmentRowSchema } from './rowSchemas';

/**
 * The write-ahead journal of a call. Everything the recorder learns about a
 * call goes here first: kept in memory, and mirrored to localStorage in small
 * chunks (one per flush), which a blocked, deleted or full IndexedDB cannot
 * take. The database is written from the journal, and only once a call is
 * ended and fully written is its journal dropped; a journal left behind by a
 * closed window is replayed into the database on the next start.
 */
export interface CallBatch {
  call: CallRecord;
  segments: SegmentRecord[];
  cueChanges: CueChangeRecord[];
  cards: CardRecord[];
  /** The database lost what was written before (it was deleted): write the whole call, replacing its cue changes. */
  whole: boolean;
}

export type JournalContents = Omit<CallBatch, 'whole'>;

type Entry = { s: SegmentRecord } | { c: CueChangeRecord } | { d: CardRecord };

/** The part of Web Storage the journal uses; tests pass their own. */
export type JournalStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'steady.call-journal.';
const callKey = (callId: string) => `${PREFIX}${callId}.call`;
const chunkKey = (callId: string, n: number) => `${PREFIX}${callId}.${n}`;

export function defaultJournalStore(): JournalStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class CallJournal {
  private segments = new Map<string, SegmentRecord>();
  private cueChanges: CueChangeRecord[] = [];
  private cards = new Map<number, CardRecord>();
  // What the database does not have yet. Objects are compared by identity, so a
  // row changed while its write was in flight stays unwritten.
  private unwrittenCall: CallRecord | null;
  private unwrittenSegments = new Map<string, SegmentRecord>();
  private cueChangesWritten = 0;
  private unwrittenCards = new Map<number, CardRecord>();
  private whole = false;
  private epoch = 0;
  // What the mirror does not have yet.
  private unmirrored: Entry[] = [];
  private callUnmirrored = true;
  private chunks = 0;
  /** False once the mirror refused a write (localStorage full or turned off): then the call is in memory only. */
  mirrored: boolean;

  constructor(
    public call: CallRecord,
    private readonly store: JournalStore | null = defaultJournalStore(),
  ) {
    this.unwrittenCall = call;
    this.mirrored = store !== null;
  }

  get callId(): string {
    return this.call.id;
  }

  setCall(call: CallRecord): void {
    this.call = call;
    this.unwrittenCall = call;
    this.callUnmirrored = true;
  }

  addSegment(segment: SegmentRecord): void {
    this.segments.set(segment.segmentId, segment);
    this.unwrittenSegments.set(segment.segmentId, segment);
    this.unmirrored.push({ s: segment });
  }

  addCueChange(change: CueChangeRecord): void {
    this.cueChanges.push(change);
    this.unmirrored.push({ c: change });
  }

  putCard(card: CardRecord): void {
    this.cards.set(card.seq, card);
    this.unwrittenCards.set(card.seq, card);
    this.unmirrored.push({ d: card });
  }

  /** Something is not in the database yet. */
  get unwritten(): boolean {
    return this.whole || this.unwrittenCall !== null || this.unwrittenSegments.size > 0 || this.cueChangesWritten < this.cueChanges.length || this.unwrittenCards.size > 0;
  }

  /** The database was deleted or replaced: everything must be written again. */
  markAllUnwritten(): void {
    this.whole = true;
    this.epoch++;
    this.unwrittenCall = this.call;
  }

  /** What to write next. Hand it back to `written` once the database has it. */
  nextBatch(): CallBatch & { epoch: number; cueEnd: number } {
    const whole = this.whole;
    return {
      call: this.call,
      segments: [...(whole ? this.segments : this.unwrittenSegments).values()],
      cueChanges: this.cueChanges.slice(whole ? 0 : this.cueChangesWritten),
      cards: [...(whole ? this.cards : this.unwrittenCards).values()],
      whole,
      epoch: this.epoch,
      cueEnd: this.cueChanges.length,
    };
  }

  written(batch: ReturnType<CallJournal['nextBatch']>): void {
    if (batch.epoch !== this.epoch) return;
    if (this.unwrittenCall === batch.call) this.unwrittenCall = null;
    for (const s of batch.segments) if (this.unwrittenSegments.get(s.segmentId) === s) this.unwrittenSegments.delete(s.segmentId);
    for (const c of batch.cards) if (this.unwrittenCards.get(c.seq) === c) this.unwrittenCards.delete(c.seq);
    this.cueChangesWritten = Math.max(this.cueChangesWritten, batch.cueEnd);
    this.whole = false;
  }

  /** Copies what is new to the mirror: the call row (one small key, replaced) and the new rows as one more chunk. */
  mirror(): boolean {
    if (!this.store) return false;
    try {
      if (this.unmirrored.length) {
        this.store.setItem(chunkKey(this.callId, this.chunks), JSON.stringify(this.unmirrored));
        this.chunks++;
        this.unmirrored = [];
      }
      if (this.callUnmirrored) {
        this.store.setItem(callKey(this.callId), JSON.stringify(this.call));
        this.callUnmirrored = false;
      }
      this.mirrored = true;
    } catch {
      // Full or turned off. What is not mirrored stays queued, and the call is still whole in memory.
      this.mirrored = false;
    }
    return this.mirrored;
  }

  /** Everything about the call, as the reflection shows it when the database cannot be read. */
  contents(): JournalContents {
    return { call: this.call, segments: [...this.segments.values()], cueChanges: [...this.cueChanges], cards: [...this.cards.values()] };
  }

  drop(): void {
    dropJournal(this.callId, this.store);
  }
}

function journalKeys(store: JournalStore): string[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The journals left in the mirror, rebuilt in order. Rows that do not parse
 * (a torn write) are left out; a journal without a readable call row is skipped.
 */
export function readJournals(store: JournalStore | null = defaultJournalStore()): JournalContents[] {
  if (!store) return [];
  const byCall = new Map<string, number[]>();
  for (const key of journalKeys(store)) {
    const rest = key.slice(PREFIX.length);
    const dot = rest.lastIndexOf('.');
    const callId = rest.slice(0, dot);
    const part = rest.slice(dot + 1);
    const chunks = byCall.get(callId) ?? [];
    if (part !== 'call') chunks.push(Number(part));
    byCall.set(callId, chunks);
  }
  const out: JournalContents[] = [];
  for (const [callId, chunks] of byCall) {
    const call = callRowSchema.safeParse(parse(store.getItem(callKey(callId))));
    if (!call.success) continue;
    const segments = new Map<string, SegmentRecord>();
    const cueChanges: CueChangeRecord[] = [];
    const cards = new Map<number, CardRecord>();
    for (const n of chunks.filter(Number.isInteger).sort((a, b) => a - b)) {
      const entries = parse(store.getItem(chunkKey(callId, n)));
      if (!Array.isArray(entries)) continue;
      for (const entry of entries as Partial<Record<'s' | 'c' | 'd', unknown>>[]) {
        const s = segmentRowSchema.safeParse(entry?.s);
        if (s.success) segments.set(s.data.segmentId, s.data as SegmentRecord);
        const c = cueChangeRowSchema.safeParse(entry?.c);
        if (c.success) cueChanges.push(c.data as CueChangeRecord);
        const d = cardRowSchema.safeParse(entry?.d);
        if (d.success) cards.set(d.data.seq, d.data as CardRecord);
      }
    }
    out.push({ call: call.data as CallRecord, segments: [...segments.values()], cueChanges, cards: [...cards.values()] });
  }
  return out;
}

export function dropJournal(callId: string, store: JournalStore | null = defaultJournalStore()): void {
  if (!store) return;
  for (const key of journalKeys(store)) if (key.startsWith(`${PREFIX}${callId}.`) && key.slice(PREFIX.length + callId.length + 1).indexOf('.') < 0) store.removeItem(key);
}

/** "Delete everything" also removes the journals of calls that are not live, readable or not. */
export function dropJournalsExcept(keep: ReadonlySet<string>, store: JournalStore | null = defaultJournalStore()): void {
  if (!store) return;
  for (const key of journalKeys(store)) {
    const rest = key.slice(PREFIX.length);
    if (!keep.has(rest.slice(0, rest.lastIndexOf('.')))) store.removeItem(key);
  }
}
