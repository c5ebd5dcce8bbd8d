import { formatLabelledCallError, type LabelledCallWarning } from '@core/labelledCall';

/** Enough to see the pattern without burying the figures; the count says how many more there are. */
const MAX_LISTED = 20;

/** The warnings as printed on stderr, one a line, each with its line and field. */
export function formatCallWarnings(source: string, warnings: readonly LabelledCallWarning[]): string {
  const n = warnings.length;
  const listed = warnings.slice(0, MAX_LISTED).map((w) => `  ${source}: ${formatLabelledCallError(w)}`);
  const more = n > MAX_LISTED ? [`  … and ${n - MAX_LISTED} more`] : [];
  return [`warning: ${source} has ${n} problem${n === 1 ? '' : 's'} that may skew the figures:`, ...listed, ...more].join('\n');
}

/**
 * A profile handed to agents should not rest on a file with unit mistakes or
 * duplicates: `--out-profile` refuses while warnings stand unless `--force`
 * says the supervisor has read them. Returns the refusal, or null.
 */
export function profileRefusal(options: { outProfile?: string; force?: boolean }, source: string, warnings: readonly LabelledCallWarning[]): string | null {
  if (options.outProfile === undefined || options.force || warnings.length === 0) return null;
  return `no profile written: ${source} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (listed above). Fix the file, or add --force to write ${options.outProfile} anyway.`;
}
