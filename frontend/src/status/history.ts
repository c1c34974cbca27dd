/** A bounded series of recent figures for the small charts, oldest first. */

export const HISTORY_WINDOW_MS = 10 * 60 * 1000;

export interface Sample {
  /** Client clock, ms since the epoch: when the page received the figures. */
  at: number;
  cpuPercent: number | null;
  ramPercent: number | null;
  latencyMs: number | null;
}

/** Appends a sample and drops the ones older than the window, so memory stays bounded. */
export function addSample(
  history: readonly Sample[],
  sample: Sample,
  windowMs: number = HISTORY_WINDOW_MS,
): Sample[] {
  const oldest = sample.at - windowMs;
  return [...history.filter((item) => item.at >= oldest && item.at < sample.at), sample];
}

/** The non-missing values of one series, in order. */
export function seriesOf(history: readonly Sample[], key: keyof Omit<Sample, "at">): number[] {
  return history.map((item) => item[key]).filter((value): value is number => value !== null);
}
