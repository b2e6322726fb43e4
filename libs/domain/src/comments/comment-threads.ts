import type { CommentAnchor, SchoolLevel } from '@duyet/database';

/** What the "as of version N" rules need to know about a comment. */
export interface CommentFacts {
  id: string;
  parentId: string | null;
  versionNo: number;
  resolvedInVersionNo: number | null;
}

export interface ThreadAsOf<T extends CommentFacts> {
  root: T;
  replies: T[];
  /** written on an earlier version than the one being read, and not resolved before it */
  carriedOver: boolean;
  /** still waiting for an answer or a fix as of that version */
  open: boolean;
}

/**
 * A thread belongs to version N when it was written on N or earlier and was not resolved before N: a comment
 * follows the plan from version to version until a reviewer resolves it ("carried across versions").
 * Resolved during N's review, it still shows on N (closed), and no longer on N + 1.
 */
export function isVisibleAt(root: CommentFacts, versionNo: number): boolean {
  return root.versionNo <= versionNo && (root.resolvedInVersionNo === null || root.resolvedInVersionNo >= versionNo);
}

/** Resolved on a later version means it was still open while version N was being read. */
export function isOpenAt(root: CommentFacts, versionNo: number): boolean {
  return root.resolvedInVersionNo === null || root.resolvedInVersionNo > versionNo;
}

/**
 * Groups comments (in the order they were written) into threads as they stood for version N. Replies written on
 * a later version are left out, so reading an old version shows the conversation as it was then.
 */
export function threadsAsOf<T extends CommentFacts>(comments: T[], versionNo: number): ThreadAsOf<T>[] {
  const threads = new Map<string, ThreadAsOf<T>>();
  for (const c of comments) {
    if (c.parentId === null && isVisibleAt(c, versionNo)) {
      threads.set(c.id, {
        root: c,
        replies: [],
        carriedOver: c.versionNo < versionNo,
        open: isOpenAt(c, versionNo),
      });
    }
  }
  for (const c of comments) {
    if (c.parentId !== null && c.versionNo <= versionNo) threads.get(c.parentId)?.replies.push(c);
  }
  return [...threads.values()];
}

/** Campaign.sections is JSON ([{ key, title, required }]); anything else in it is ignored rather than trusted. */
export function sectionTitles(sections: unknown): Map<string, string> {
  const titles = new Map<string, string>();
  if (!Array.isArray(sections)) return titles;
  for (const s of sections) {
    if (s && typeof s === 'object' && typeof s.key === 'string') {
      titles.set(s.key, typeof s.title === 'string' ? s.title : s.key);
    }
  }
  return titles;
}

export const GENERAL_ANCHOR_TITLE = 'Ý kiến chung';

/** The heading a reader sees for a thread; a key the catalogue no longer knows still shows as itself. */
export function anchorTitle(
  anchorType: CommentAnchor,
  anchorKey: string | null,
  sections: Map<string, string>,
  indicators: Map<string, string>,
): string {
  if (anchorType === 'GENERAL' || anchorKey === null) return GENERAL_ANCHOR_TITLE;
  const titles = anchorType === 'SECTION' ? sections : indicators;
  return titles.get(anchorKey) ?? anchorKey;
}

export const SCHOOL_LEVEL_VI: Record<SchoolLevel, string> = {
  PRESCHOOL: 'mầm non',
  PRIMARY: 'tiểu học',
  LOWER_SECONDARY: 'trung học cơ sở',
};
