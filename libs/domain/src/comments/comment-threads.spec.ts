import {
  type CommentFacts,
  GENERAL_ANCHOR_TITLE,
  anchorTitle,
  isOpenAt,
  isVisibleAt,
  sectionTitles,
  threadsAsOf,
} from './comment-threads';

const comment = (id: string, versionNo: number, extra: Partial<CommentFacts> = {}): CommentFacts => ({
  id,
  parentId: null,
  versionNo,
  resolvedInVersionNo: null,
  ...extra,
});

describe('a thread as of version N', () => {
  it('is carried to every later version while nobody resolves it', () => {
    const root = comment('a', 1);
    expect([0, 1, 2, 5].map((n) => isVisibleAt(root, n))).toEqual([false, true, true, true]);
    expect([1, 2, 5].map((n) => isOpenAt(root, n))).toEqual([true, true, true]);
  });

  it('shows closed on the version it was resolved on, and no longer after it', () => {
    const root = comment('a', 1, { resolvedInVersionNo: 2 });
    expect([1, 2, 3].map((n) => isVisibleAt(root, n))).toEqual([true, true, false]);
    expect([1, 2].map((n) => isOpenAt(root, n))).toEqual([true, false]);
  });

  it('groups replies under their thread in the order written, leaving out threads and replies of later versions', () => {
    const rows = [
      comment('a', 1),
      comment('b', 1, { resolvedInVersionNo: 1 }),
      comment('a1', 1, { parentId: 'a' }),
      comment('c', 2),
      comment('a2', 2, { parentId: 'a' }),
      comment('a3', 2, { parentId: 'a' }),
    ];
    const v1 = threadsAsOf(rows, 1);
    expect(v1.map((t) => [t.root.id, t.replies.map((r) => r.id), t.carriedOver, t.open])).toEqual([
      ['a', ['a1'], false, true],
      ['b', [], false, false],
    ]);
    const v2 = threadsAsOf(rows, 2);
    expect(v2.map((t) => [t.root.id, t.replies.map((r) => r.id), t.carriedOver, t.open])).toEqual([
      ['a', ['a1', 'a2', 'a3'], true, true],
      ['c', [], false, true],
    ]);
  });

  it('drops replies whose thread is not shown on that version', () => {
    const rows = [comment('a', 1, { resolvedInVersionNo: 1 }), comment('a1', 1, { parentId: 'a' })];
    expect(threadsAsOf(rows, 2)).toEqual([]);
  });
});

describe('anchor titles', () => {
  const sections = sectionTitles([
    { key: 'purpose', title: 'Mục đích, yêu cầu', required: true },
    { key: 'tasks', required: true },
    'rác',
    null,
  ]);
  const indicators = new Map([['SWIM_CERT', 'Tỷ lệ HS được cấp chứng chỉ biết bơi']]);

  it("reads the campaign's sections, ignoring malformed entries", () => {
    expect([...sections]).toEqual([
      ['purpose', 'Mục đích, yêu cầu'],
      ['tasks', 'tasks'],
    ]);
    expect(sectionTitles({ not: 'an array' }).size).toBe(0);
  });

  it('names the section, the indicator, or a general comment, and falls back to the key', () => {
    expect(anchorTitle('SECTION', 'purpose', sections, indicators)).toBe('Mục đích, yêu cầu');
    expect(anchorTitle('INDICATOR', 'SWIM_CERT', sections, indicators)).toBe('Tỷ lệ HS được cấp chứng chỉ biết bơi');
    expect(anchorTitle('GENERAL', null, sections, indicators)).toBe(GENERAL_ANCHOR_TITLE);
    expect(anchorTitle('INDICATOR', 'GONE', sections, indicators)).toBe('GONE');
  });
});
