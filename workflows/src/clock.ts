// Duyệt's clock: real time in production; in tests and demos, an accelerated "virtual" calendar so that a
// reminder ladder of working days, holidays included, plays out in seconds. Pure and deterministic, so the
// workflows (which read Date.now() from their history) and the services share the same mapping.

export interface ClockSettings {
  /** a real instant (ms since epoch) … */
  anchorRealMs: number;
  /** … and the virtual instant it corresponds to */
  anchorVirtualMs: number;
  /** virtual milliseconds per real millisecond; 1 in production */
  speed: number;
}

export const REAL_TIME: ClockSettings = { anchorRealMs: 0, anchorVirtualMs: 0, speed: 1 };

/** The virtual instant at a real instant. */
export function virtualAt(clock: ClockSettings, realMs: number): number {
  return clock.anchorVirtualMs + (realMs - clock.anchorRealMs) * clock.speed;
}

/** The real instant at which a virtual instant arrives. */
export function realAt(clock: ClockSettings, virtualMs: number): number {
  return clock.anchorRealMs + (virtualMs - clock.anchorVirtualMs) / clock.speed;
}

/** How long to sleep, in real milliseconds, from realNowMs until virtualMs (never negative). */
export function realDelayUntil(clock: ClockSettings, realNowMs: number, virtualMs: number): number {
  return Math.max(0, realAt(clock, virtualMs) - realNowMs);
}
