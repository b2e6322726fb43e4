import type { CommentAnchor, Prisma, Tx } from '@duyet/database';
import { anchorTitle, sectionTitles } from './comment-threads';

export const person = { select: { id: true, fullName: true, title: true } } as const;
export const commentInclude = { author: person, resolvedBy: person } satisfies Prisma.CommentInclude;
export type CommentRow = Prisma.CommentGetPayload<{ include: typeof commentInclude }>;

export interface PersonView {
  id: string;
  fullName: string;
  title: string;
}

export interface CommentView {
  id: string;
  planId: string;
  parentId: string | null;
  versionNo: number;
  anchorType: CommentAnchor;
  anchorKey: string | null;
  body: string;
  createdAt: Date;
  author: PersonView;
}

export interface ThreadView {
  id: string;
  anchorType: CommentAnchor;
  anchorKey: string | null;
  anchorTitle: string;
  /** the version the thread was opened on */
  versionNo: number;
  carriedOver: boolean;
  open: boolean;
  /** set when the thread was resolved on the version being read */
  resolved: { at: Date; versionNo: number; by: PersonView | null } | null;
  root: CommentView;
  replies: CommentView[];
}

/** An open thread as the "returned for revision" e-mail lists it. */
export interface OpenThreadForMail {
  id: string;
  anchorType: CommentAnchor;
  anchorKey: string | null;
  /** the section's title, the indicator's label, or "Ý kiến chung" */
  anchorTitle: string;
  versionNo: number;
  body: string;
  authorName: string;
}

type Anchored = { anchorType: CommentAnchor; anchorKey: string | null };

/** One catalogue query for all the indicators the comments name, whatever their number. */
export async function anchorTitles(
  db: Pick<Tx, 'indicator'>,
  districtId: string,
  campaignSections: unknown,
  comments: Anchored[],
): Promise<(c: Anchored) => string> {
  const codes = comments.flatMap((c) => (c.anchorType === 'INDICATOR' && c.anchorKey ? [c.anchorKey] : []));
  const found = codes.length ? await db.indicator.findMany({ where: { districtId, code: { in: codes } } }) : [];
  const sections = sectionTitles(campaignSections);
  const indicators = new Map(found.map((i) => [i.code, i.label] as const));
  return (c) => anchorTitle(c.anchorType, c.anchorKey, sections, indicators);
}

export function toView(c: CommentRow): CommentView {
  return {
    id: c.id,
    planId: c.planId,
    parentId: c.parentId,
    versionNo: c.versionNo,
    anchorType: c.anchorType,
    anchorKey: c.anchorKey,
    body: c.body,
    createdAt: c.createdAt,
    author: c.author,
  };
}
