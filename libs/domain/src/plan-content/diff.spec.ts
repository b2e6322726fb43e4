import type { AttachmentRef } from './content';
import { type ComparedContent, type DiffLabels, diffPlanContent } from './diff';

const labels: DiffLabels = {
  // the campaign's order, deliberately not alphabetical
  sectionTitles: {
    purpose: 'Mục đích, yêu cầu',
    targets: 'Mục tiêu và chỉ tiêu',
    tasks: 'Nội dung, nhiệm vụ và giải pháp',
    organisation: 'Tổ chức thực hiện',
  },
  indicatorLabels: {
    TH_QUALITIES_GOOD: 'Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực',
    SWIM_CERT: 'Tỷ lệ HS được cấp chứng chỉ biết bơi',
    STUDENTS: 'Số học sinh',
  },
};

const file = (id: string, fileName: string): AttachmentRef => ({
  id,
  fileName,
  mimeType: 'application/pdf',
  size: 1000,
  sha256: id.repeat(8),
});

const v1: ComparedContent = {
  sections: {
    tasks: 'Đổi mới phương pháp dạy học.',
    purpose: 'Nâng cao chất lượng giáo dục toàn diện.',
    organisation: 'Hiệu trưởng chỉ đạo chung.',
    targets: '   ',
  },
  indicators: {
    SWIM_CERT: { baseline: 10, target: 15 },
    TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8, targetMax: null },
    STUDENTS: { baseline: 450, target: 460 },
  },
  attachments: [file('a1', 'ke-hoach-ky.pdf'), file('a2', 'phu-luc.docx')],
};

const v2: ComparedContent = {
  sections: {
    purpose: 'Nâng cao chất lượng dạy học toàn diện, hiệu quả.',
    targets: 'Tỷ lệ hoàn thành chương trình trên 99%.',
    tasks: 'Đổi mới phương pháp dạy học.',
    proposals: 'Đề nghị bổ sung phòng học bộ môn.',
  },
  indicators: {
    TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 },
    SWIM_CERT: { baseline: 10, target: 12, targetMax: 15 },
    CUSTOM_X: { target: 3 },
    STUDENTS: { baseline: null, target: null },
  },
  attachments: [file('a1', 'ke-hoach-ky.pdf'), file('a3', 'ke-hoach-ky-lan-2.pdf')],
};

describe('diffPlanContent', () => {
  const diff = diffPlanContent(v1, v2, labels);

  it("lists sections in the campaign's order, then the others by key, with what happened to each", () => {
    expect(diff.sections.map((s) => [s.key, s.title, s.change])).toEqual([
      ['purpose', 'Mục đích, yêu cầu', 'CHANGED'],
      ['targets', 'Mục tiêu và chỉ tiêu', 'ADDED'],
      ['tasks', 'Nội dung, nhiệm vụ và giải pháp', 'UNCHANGED'],
      ['organisation', 'Tổ chức thực hiện', 'REMOVED'],
      ['proposals', 'proposals', 'ADDED'],
    ]);
    expect(diff.sections[1]).toEqual({
      key: 'targets',
      title: 'Mục tiêu và chỉ tiêu',
      change: 'ADDED',
      before: null,
      after: 'Tỷ lệ hoàn thành chương trình trên 99%.',
    });
    expect(diff.sections[3]).toMatchObject({ before: 'Hiệu trưởng chỉ đạo chung.', after: null });
    expect(diff.sections[2].parts).toBeUndefined();
  });

  it('gives a changed section its word-level difference, Vietnamese words kept whole', () => {
    expect(diff.sections[0].parts).toEqual([
      { change: 'UNCHANGED', text: 'Nâng cao chất lượng ' },
      { change: 'REMOVED', text: 'giáo dục' },
      { change: 'ADDED', text: 'dạy học' },
      { change: 'UNCHANGED', text: ' toàn diện' },
      { change: 'ADDED', text: ', hiệu quả' },
      { change: 'UNCHANGED', text: '.' },
    ]);
    const rebuilt = (keep: 'ADDED' | 'REMOVED') =>
      diff.sections[0]
        .parts!.filter((p) => p.change !== keep)
        .map((p) => p.text)
        .join('');
    expect(rebuilt('ADDED')).toBe(v1.sections.purpose);
    expect(rebuilt('REMOVED')).toBe(v2.sections.purpose);
  });

  it('compares indicators figure by figure, in catalogue order, an empty entry counting as absent', () => {
    expect(diff.indicators).toEqual([
      {
        code: 'TH_QUALITIES_GOOD',
        label: 'Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực',
        change: 'UNCHANGED',
        before: { baseline: 99.5, target: 99.8, targetMax: null },
        after: { baseline: 99.5, target: 99.8, targetMax: null },
      },
      {
        code: 'SWIM_CERT',
        label: 'Tỷ lệ HS được cấp chứng chỉ biết bơi',
        change: 'CHANGED',
        before: { baseline: 10, target: 15, targetMax: null },
        after: { baseline: 10, target: 12, targetMax: 15 },
      },
      {
        code: 'STUDENTS',
        label: 'Số học sinh',
        change: 'REMOVED',
        before: { baseline: 450, target: 460, targetMax: null },
        after: null,
      },
      {
        code: 'CUSTOM_X',
        label: 'CUSTOM_X',
        change: 'ADDED',
        before: null,
        after: { baseline: null, target: 3, targetMax: null },
      },
    ]);
  });

  it('tells attachments apart by id: kept, removed, added', () => {
    expect(diff.attachments).toEqual([
      { id: 'a1', fileName: 'ke-hoach-ky.pdf', change: 'UNCHANGED' },
      { id: 'a2', fileName: 'phu-luc.docx', change: 'REMOVED' },
      { id: 'a3', fileName: 'ke-hoach-ky-lan-2.pdf', change: 'ADDED' },
    ]);
  });

  it('reports everything UNCHANGED between a version and itself, and reads a missing attachment list as empty', () => {
    const same = diffPlanContent(
      { sections: v2.sections, indicators: v2.indicators },
      { ...v2, attachments: undefined },
      labels,
    );
    expect(new Set([...same.sections, ...same.indicators].map((x) => x.change))).toEqual(new Set(['UNCHANGED']));
    expect(same.attachments).toEqual([]);
  });
});
