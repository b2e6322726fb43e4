import { lastSeenVersion } from './last-seen';

const versions = [1, 2, 3, 4].map((n) => ({ id: `v${n}`, number: n }));

describe('the version a reviewer last saw', () => {
  it('is none for a first submission', () => {
    expect(
      lastSeenVersion({ currentVersionNo: 1, versions, decisions: [], myCommentVersions: [], me: 'r' }),
    ).toBeNull();
  });

  it('is the last version the reviewer decided or commented on, not others’ and not the current one', () => {
    const seen = lastSeenVersion({
      currentVersionNo: 4,
      versions,
      decisions: [
        { versionId: 'v1', decidedById: 'r' },
        { versionId: 'v3', decidedById: 'someone-else' },
      ],
      myCommentVersions: [2, 4],
      me: 'r',
    });
    expect(seen).toEqual({ number: 2, mine: true });
  });

  it('is the version just before when the reviewer never acted on the plan', () => {
    expect(
      lastSeenVersion({
        currentVersionNo: 3,
        versions,
        decisions: [{ versionId: 'v2', decidedById: 'x' }],
        myCommentVersions: [],
        me: 'r',
      }),
    ).toEqual({ number: 2, mine: false });
  });
});
