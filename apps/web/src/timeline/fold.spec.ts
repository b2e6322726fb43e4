import { foldDraftSaves } from './fold';

const ev = (id: string, type: string, actor: string | null, summary = `${type} ${id}`) => ({
  id,
  type,
  at: `2027-01-0${id}T08:00:00.000Z`,
  actor: actor ? { id: actor } : null,
  summary,
});

describe('the timeline folds runs of autosaves', () => {
  it('keeps the last save of a run by one person, with how many it stands for', () => {
    const lines = foldDraftSaves([
      ev('1', 'PLAN_DRAFT_STARTED', 'a'),
      ev('2', 'PLAN_DRAFT_SAVED', 'a'),
      ev('3', 'PLAN_DRAFT_SAVED', 'a'),
      ev('4', 'PLAN_DRAFT_SAVED', 'a', 'last save'),
      ev('5', 'PLAN_SUBMITTED', 'a'),
    ]);
    expect(lines.map((l) => [l.id, l.count])).toEqual([
      ['1', 1],
      ['4', 3],
      ['5', 1],
    ]);
    expect(lines[1]).toMatchObject({ summary: 'last save', at: '2027-01-04T08:00:00.000Z' });
  });

  it('does not fold saves by two people, nor saves on either side of another event', () => {
    const lines = foldDraftSaves([
      ev('1', 'PLAN_DRAFT_SAVED', 'a'),
      ev('2', 'PLAN_DRAFT_SAVED', 'b'),
      ev('3', 'ATTACHMENT_ADDED', 'b'),
      ev('4', 'PLAN_DRAFT_SAVED', 'b'),
    ]);
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1, 1]);
  });

  it('never folds other events, even in a row', () => {
    const lines = foldDraftSaves([ev('1', 'COMMENT_ADDED', 'r'), ev('2', 'COMMENT_ADDED', 'r')]);
    expect(lines).toHaveLength(2);
  });
});
