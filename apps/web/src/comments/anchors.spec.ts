import { groupByAnchor } from './anchors';
import type { Thread } from './queries';

const thread = (id: string, anchorType: Thread['anchorType'], anchorKey: string | null, open = true) =>
  ({ id, anchorType, anchorKey, anchorTitle: anchorKey ?? 'Chung', open }) as Thread;

describe('comments grouped beside what they are about', () => {
  it('orders the groups as the page shows the plan: general, sections, then indicators, in the campaign order', () => {
    const groups = groupByAnchor(
      [
        thread('1', 'INDICATOR', 'SWIM'),
        thread('2', 'SECTION', 'tasks'),
        thread('3', 'GENERAL', null),
        thread('4', 'SECTION', 'purpose'),
        thread('5', 'SECTION', 'tasks', false),
      ],
      { sections: [{ key: 'purpose' }, { key: 'tasks' }], indicators: [{ code: 'QUALITY' }, { code: 'SWIM' }] },
    );
    expect(groups.map((g) => g.key)).toEqual(['GENERAL', 'SECTION:purpose', 'SECTION:tasks', 'INDICATOR:SWIM']);
    const tasks = groups.find((g) => g.key === 'SECTION:tasks')!;
    expect(tasks.open.map((t) => t.id)).toEqual(['2']);
    expect(tasks.resolved.map((t) => t.id)).toEqual(['5']);
  });

  it('puts an anchor the campaign no longer lists after those it does', () => {
    const groups = groupByAnchor([thread('1', 'SECTION', 'old'), thread('2', 'SECTION', 'tasks')], {
      sections: [{ key: 'tasks' }],
      indicators: [],
    });
    expect(groups.map((g) => g.anchorKey)).toEqual(['tasks', 'old']);
  });
});
