/** A target as schools write it in their plans, read into numbers. */
export interface ParsedTarget {
  target: number;
  /** set for a range ("40 - 60"): the upper bound */
  targetMax?: number;
}

// A decimal comma is how Vietnamese documents write 98,5; a dot is accepted too (99.8 in the seeds).
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)\s*%?`;
// "≥ 98" and "< 2%" state the direction, which the indicator's catalogue entry already knows: the sign is
// dropped and the number kept.
const SIGN = String.raw`(?:>=|<=|≥|≤|>|<|=|trên|dưới|tối thiểu|tối đa)?`;
const SINGLE = new RegExp(`^${SIGN}\\s*${NUMBER}$`, 'i');
const RANGE = new RegExp(`^(?:từ\\s*)?${NUMBER}\\s*(?:-|–|—|đến)\\s*${NUMBER}$`, 'i');

const toNumber = (text: string): number => Number(text.replace(',', '.'));

/**
 * Reads "40 - 60", "12% - 15%", "≥ 98", "98,5" or "15". Returns null when the text is not a number or a
 * range of two numbers, so the caller can say so in its own words.
 */
export function parseTargetText(text: string): ParsedTarget | null {
  const normalised = text.trim().replace(/\s+/g, ' ');
  const range = RANGE.exec(normalised);
  if (range) return { target: toNumber(range[1]), targetMax: toNumber(range[2]) };
  const single = SINGLE.exec(normalised);
  if (single) return { target: toNumber(single[1]) };
  return null;
}

/** One indicator's figures in a draft or a version: what the school starts from and aims for. */
export interface IndicatorValue {
  baseline?: number | null;
  target?: number | null;
  /** the upper bound of a range target */
  targetMax?: number | null;
  /** a self-assessment's result achieved (tự đánh giá), against the target of the approved plan */
  result?: number | null;
}
