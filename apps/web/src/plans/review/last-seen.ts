// Which earlier version the reviewer is shown the changes from: the last one they acted on (a decision, a
// recommendation, a comment), else the one just before the version now waiting.

export interface Seen {
  currentVersionNo: number;
  versions: { id: string; number: number }[];
  decisions: { versionId: string; decidedById: string }[];
  /** the version each comment of mine was written on */
  myCommentVersions: number[];
  me: string;
}

/** The version to compare the current one with, and whether it is one the reviewer acted on; null for a first version. */
export function lastSeenVersion(s: Seen): { number: number; mine: boolean } | null {
  if (s.currentVersionNo < 2) return null;
  const numberOf = new Map(s.versions.map((v) => [v.id, v.number]));
  const mine = [
    ...s.decisions.filter((d) => d.decidedById === s.me).map((d) => numberOf.get(d.versionId) ?? 0),
    ...s.myCommentVersions,
  ].filter((n) => n > 0 && n < s.currentVersionNo);
  if (mine.length > 0) return { number: Math.max(...mine), mine: true };
  return { number: s.currentVersionNo - 1, mine: false };
}
