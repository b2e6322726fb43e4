import { invitationText, moveItem, presentingSlotId, revisionDeadlineOf, serverClock } from './meeting-logic';

describe('moveItem', () => {
  it('puts the item at its new place and keeps the others in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });

  it('answers the same array when nothing moves or a place is out of range (the first up, the last down)', () => {
    const items = ['a', 'b'];
    expect(moveItem(items, 1, 1)).toBe(items);
    expect(moveItem(items, 0, -1)).toBe(items);
    expect(moveItem(items, 1, 2)).toBe(items);
  });
});

describe('presentingSlotId', () => {
  const slots = [
    { id: 's1', outcome: 'APPROVED' },
    { id: 's2', outcome: null },
    { id: 's3', outcome: null },
  ];
  it("prefers the chair's pick, then the clock, then the first undecided", () => {
    expect(presentingSlotId(slots, 's3', 's1')).toBe('s3');
    expect(presentingSlotId(slots, null, 's1')).toBe('s1');
    expect(presentingSlotId(slots, null, null)).toBe('s2');
  });
  it('ignores a pick no longer on the agenda, and falls back to the first when all are decided', () => {
    expect(presentingSlotId(slots, 'gone', null)).toBe('s2');
    expect(presentingSlotId([{ id: 'x', outcome: 'RETURNED' }], null, null)).toBe('x');
    expect(presentingSlotId([], null, null)).toBeNull();
  });
});

describe('invitationText', () => {
  it('names the last message and whether it went out', () => {
    expect(invitationText({ state: 'UPDATED', delivery: 'SENT' })).toBe('Đã gửi lịch cập nhật (thư đã đi)');
    expect(invitationText({ state: 'CANCELLED', delivery: 'FAILED' })).toBe('Đã gửi thư hủy lịch (gửi lỗi)');
    expect(invitationText(null)).toBe('Chưa gửi');
  });
});

describe('dates', () => {
  it('reads a revision day as 17:00 in Vietnam', () => {
    expect(new Date(revisionDeadlineOf('2017-10-05')).toISOString()).toBe('2017-10-05T10:00:00.000Z');
  });
  it("moves the server's clock on by the time since it was read", () => {
    expect(serverClock('2017-09-25T00:30:00.000Z', 1000, 61_000).toISOString()).toBe('2017-09-25T00:31:00.000Z');
  });
});
