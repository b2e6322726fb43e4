/** Nearest-rank percentile of a list of numbers (milliseconds here). */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function latencySummary(values: number[]) {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(percentile(values, 100)),
  };
}

export const perSecond = (count: number, ms: number): number => Math.round((count / (ms / 1000)) * 10) / 10;

export const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 1000) / 1000;

export const mib = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 1048576));

/**
 * What a mail catcher shows of the messages that should have reached it: `lost` are expected ids it never
 * accepted, `duplicated` the extra copies of ids it accepted more than once, `unexpected` ids nobody sent.
 */
export function deliveryTally(expectedIds: Iterable<string>, caughtIds: string[]) {
  const expected = new Set(expectedIds);
  const caught = new Set(caughtIds);
  let lost = 0;
  for (const id of expected) if (!caught.has(id)) lost++;
  let unexpected = 0;
  for (const id of caught) if (!expected.has(id)) unexpected++;
  return { expected: expected.size, lost, duplicated: caughtIds.length - caught.size, unexpected };
}
