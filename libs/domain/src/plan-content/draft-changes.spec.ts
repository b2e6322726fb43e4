import { draftChanges, mergeDraftChanges, readDraftChanges } from './draft-changes';

describe('draftChanges', () => {
  it('names the sections and indicators a save changed, and nothing it left as it was', () => {
    const before = {
      sections: { purpose: 'Mục đích.', tasks: 'Nhiệm vụ.', proposals: '' },
      indicators: { SWIM_CERT: { baseline: 10, target: 15 }, STAFF_QUALIFIED: { baseline: 80, target: 85 } },
    };
    const after = {
      sections: { purpose: 'Mục đích.', tasks: 'Nhiệm vụ mới.', organisation: 'Tổ chức.' },
      indicators: { SWIM_CERT: { baseline: 10, target: 15, targetMax: null }, STAFF_PARTY_RATE: { target: 65 } },
    };
    expect(draftChanges(before, after)).toEqual({
      sections: ['tasks', 'organisation'],
      indicators: ['STAFF_PARTY_RATE', 'STAFF_QUALIFIED'],
    });
  });

  it('reads an absent section as an empty one', () => {
    expect(draftChanges({ sections: { proposals: '' }, indicators: {} }, { sections: {}, indicators: {} })).toEqual({
      sections: [],
      indicators: [],
    });
  });
});

describe('mergeDraftChanges and readDraftChanges', () => {
  it('lists each key once, in the order first seen, and reads what an older audit event lacks as nothing', () => {
    const merged = mergeDraftChanges([
      readDraftChanges({ sections: ['tasks'], indicators: ['SWIM_CERT'] }),
      readDraftChanges(undefined),
      readDraftChanges({ sections: ['purpose', 'tasks', 7], indicators: 'SWIM_CERT' }),
    ]);
    expect(merged).toEqual({ sections: ['tasks', 'purpose'], indicators: ['SWIM_CERT'] });
  });
});
