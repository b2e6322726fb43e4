import type { Thread } from './queries';

export interface AnchorGroup {
  /** "SECTION:tasks", "INDICATOR:SWIM_CERT", "GENERAL" */
  key: string;
  anchorType: Thread['anchorType'];
  anchorKey: string | null;
  title: string;
  open: Thread[];
  resolved: Thread[];
}

interface Order {
  sections: { key: string }[];
  indicators: { code: string }[];
}

/**
 * The threads grouped by what they are about, in the order the plan page shows it: general remarks first, then the
 * sections, then the indicators, as the campaign lists them (anything else after, by title). Open threads before
 * resolved ones, each list oldest first as the API answers it.
 */
export function groupByAnchor(threads: Thread[], order: Order): AnchorGroup[] {
  const groups = new Map<string, AnchorGroup>();
  for (const t of threads) {
    const key = t.anchorType === 'GENERAL' ? 'GENERAL' : `${t.anchorType}:${t.anchorKey}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, anchorType: t.anchorType, anchorKey: t.anchorKey, title: t.anchorTitle, open: [], resolved: [] };
      groups.set(key, g);
    }
    (t.open ? g.open : g.resolved).push(t);
  }
  const rank = (g: AnchorGroup): number => {
    if (g.anchorType === 'GENERAL') return -1;
    const list: { key?: string; code?: string }[] = g.anchorType === 'SECTION' ? order.sections : order.indicators;
    const at = list.findIndex((x) => (x.key ?? x.code) === g.anchorKey);
    const base = g.anchorType === 'SECTION' ? 0 : 10_000;
    return base + (at < 0 ? 5_000 : at);
  };
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'vi'));
}
