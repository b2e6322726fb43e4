import { defaultPair, figuresText, hasChanges, orderedPair, sectionRuns, sideOptions } from './diff-view';

describe('the versions card: which pairs, and how a diff reads', () => {
  it('offers every version oldest first, and the draft last while the school revises', () => {
    expect(sideOptions([2, 1], true)).toEqual([
      { value: 1, label: 'Lần nộp thứ 1' },
      { value: 2, label: 'Lần nộp thứ 2' },
      { value: 'draft', label: 'Bản nháp hiện tại' },
    ]);
    expect(sideOptions([1], false).map((o) => o.value)).toEqual([1]);
  });

  it('opens on the last version against the draft while revising, else on the last two versions', () => {
    expect(defaultPair([1, 2], true)).toEqual({ from: 2, to: 'draft' });
    expect(defaultPair([3, 1, 2], false)).toEqual({ from: 2, to: 3 });
    expect(defaultPair([1], false)).toBeNull();
    expect(defaultPair([], true)).toBeNull();
  });

  it('puts any two picks in the order the API compares them, and refuses a side against itself', () => {
    expect(orderedPair(3, 1)).toEqual({ from: 1, to: 3 });
    expect(orderedPair('draft', 2)).toEqual({ from: 2, to: 'draft' });
    expect(orderedPair(2, 'draft')).toEqual({ from: 2, to: 'draft' });
    expect(orderedPair(2, 2)).toBeNull();
    expect(orderedPair('draft', 'draft')).toBeNull();
  });

  it('reads figures in Vietnamese: decimal comma, a range as min - max, an empty side as such', () => {
    expect(figuresText({ baseline: 99.5, target: 99.8, targetMax: null })).toBe('Năm gốc 99,5; mục tiêu 99,8');
    expect(figuresText({ baseline: null, target: 40, targetMax: 60 })).toBe('Mục tiêu 40 - 60');
    expect(figuresText({ baseline: null, target: null, targetMax: 2 })).toBe('Mục tiêu 2');
    expect(figuresText({ baseline: 10, target: 15, targetMax: 15 })).toBe('Năm gốc 10; mục tiêu 15');
    expect(figuresText(null)).toBe('(trống)');
    expect(figuresText({ baseline: null, target: null, targetMax: null })).toBe('(trống)');
    expect(figuresText({ baseline: null, target: null, targetMax: null, result: 98.5 })).toBe('Kết quả 98,5');
  });

  it("marks a changed section's words as the API split them, and a section added or removed as a whole", () => {
    const parts = [
      { change: 'UNCHANGED' as const, text: 'Nhiệm vụ ' },
      { change: 'REMOVED' as const, text: 'chung chung' },
      { change: 'ADDED' as const, text: 'cụ thể, có giải pháp khả thi' },
      { change: 'ADDED' as const, text: '' },
    ];
    expect(sectionRuns({ change: 'CHANGED', before: 'x', after: 'y', parts })).toEqual(parts.slice(0, 3));
    expect(sectionRuns({ change: 'ADDED', before: null, after: 'Mới' })).toEqual([{ change: 'ADDED', text: 'Mới' }]);
    expect(sectionRuns({ change: 'REMOVED', before: 'Cũ', after: null })).toEqual([{ change: 'REMOVED', text: 'Cũ' }]);
    expect(sectionRuns({ change: 'UNCHANGED', before: 'Như cũ', after: 'Như cũ' })).toEqual([
      { change: 'UNCHANGED', text: 'Như cũ' },
    ]);
  });

  it('tells two identical contents from changed ones, attachments included', () => {
    const same = { sections: [{ change: 'UNCHANGED' }], indicators: [{ change: 'UNCHANGED' }], attachments: [] };
    expect(hasChanges(same)).toBe(false);
    expect(hasChanges({ ...same, attachments: [{ change: 'REMOVED' }] })).toBe(true);
    expect(hasChanges({ ...same, indicators: [{ change: 'CHANGED' }] })).toBe(true);
  });
});
