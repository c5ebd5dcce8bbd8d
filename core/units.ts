/**
 * Units used across the domain. They are plain numbers at run time; the names
 * exist so that a signature says which unit it expects.
 */

/** Seconds on the call clock; 0 is the start of the call. */
export type Seconds = number;

/** Milliseconds, used for wall-clock durations (latency, timeouts). */
export type Milliseconds = number;

/** A cue score or smoothed level. 0 is nothing; 1 is a strong, clear signal. Scores may exceed 1. */
export type Score = number;

/** A threshold on a Score. */
export type Threshold = Score;

/** Decibels, relative to a reference the caller names. */
export type Decibels = number;

/** Hertz. */
export type Hertz = number;
