import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { targetText } from './campaign-targets';
import { buildDirectiveDocx, type DirectiveData } from './directive-docx';
import { officeIssuer, schoolIssuer } from './docx-blocks';
import type { ApprovalData } from './plan-approval';
import { buildApprovalDocx } from './plan-approval-docx';
import { buildApprovalPdf } from './plan-approval-pdf';
import { buildReportDocx } from './report-docx';
import type { CampaignConsolidation } from '../consolidation/consolidation.service';
import type { FigureRow } from '../consolidation/rollup';
import { reportIndicators } from './report-figures';
import type { ReportSchoolRow } from './report-rows';
import { writeReportXlsx } from './report-xlsx';
import { pdfText } from '../../../../test/support/pdf-text';

const ZONE = 'Asia/Ho_Chi_Minh';
const district = { name: 'Huyện Kiến Xương', officeName: 'Phòng Giáo dục và Đào tạo Kiến Xương' };
const text = async (docx: Buffer) => (await mammoth.extractRawText({ buffer: docx })).value;

const directive: DirectiveData = {
  issuer: officeIssuer(district),
  districtName: district.name,
  officeName: district.officeName,
  timeZone: ZONE,
  documentNumber: '455/KH-PGDĐT',
  issuedOn: new Date('2021-12-30T00:00:00Z'),
  title: 'Kế hoạch thực hiện Đề án nâng cao chất lượng giáo dục và đào tạo năm 2022',
  legalBases: ['Nghị quyết số 87/NQ-HĐND ngày 17/12/2021'],
  period: { from: new Date('2022-01-01T00:00:00Z'), to: new Date('2022-12-31T00:00:00Z') },
  phases: [{ name: 'Học kỳ I', from: new Date('2022-01-01T00:00:00Z'), to: new Date('2022-05-31T00:00:00Z') }],
  levels: ['Mầm non', 'Tiểu học'],
  clusters: ['Cụm I', 'Cụm II'],
  sections: [
    { title: 'Mục đích, yêu cầu', required: true },
    { title: 'Đề xuất, kiến nghị', required: false },
  ],
  indicators: [
    { label: 'Tỷ lệ huy động trẻ mẫu giáo ra lớp', level: 'Mầm non', unit: '%', target: '≥ 95%' },
    { label: 'Số giải HSG môn văn hóa cấp Thành phố', level: 'THCS', unit: 'giải', target: '40 - 60 giải' },
  ],
  submissionDeadline: new Date('2022-01-28T10:00:00Z'),
  paperCopies: 2,
  receiver: 'Đặng Anh Tuấn - Văn thư',
  reviewMode: 'DESK',
  signer: { capacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG', fullName: 'Phạm Thu Hà' },
  distribution: ['Như trên;', 'Lưu: VT, GDMN.'],
};

describe('the directive (DOCX)', () => {
  it('reads back in the layout of Nghị định 30 with its number, summary, targets, capacity and nơi nhận', async () => {
    const t = await text(await buildDirectiveDocx(directive));
    for (const expected of [
      'UBND HUYỆN KIẾN XƯƠNG',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'Số: 455/KH-PGDĐT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Kiến Xương, ngày 30 tháng 12 năm 2021',
      'KẾ HOẠCH',
      'Thực hiện Đề án nâng cao chất lượng giáo dục và đào tạo năm 2022',
      'Căn cứ Nghị quyết số 87/NQ-HĐND ngày 17/12/2021;',
      'Thời gian thực hiện: từ ngày 01/01/2022 đến ngày 31/12/2022.',
      'Giai đoạn 1: Học kỳ I (từ 01/01/2022 đến 31/05/2022).',
      'các trường mầm non, tiểu học thuộc các cụm trường: Cụm I, Cụm II.',
      '2. Đề xuất, kiến nghị (nếu có).',
      'Tỷ lệ huy động trẻ mẫu giáo ra lớp',
      '≥ 95%',
      '40 - 60 giải',
      'chậm nhất vào 17:00 28/01/2022 và nộp 02 bản giấy',
      'người nhận: Đặng Anh Tuấn - Văn thư',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, GDMN.',
      'KT. TRƯỞNG PHÒNG',
      'PHÓ TRƯỞNG PHÒNG',
    ]) {
      expect(t).toContain(expected);
    }
    expect(t.trim().endsWith('Phạm Thu Hà')).toBe(true);
  });

  it('prints targets the way the office writes them', () => {
    expect(targetText({ unit: '%', direction: 'HIGHER', min: 99.8, max: null })).toBe('≥ 99,8%');
    expect(targetText({ unit: '%', direction: 'LOWER', min: null, max: 3 })).toBe('≤ 3%');
    expect(targetText({ unit: 'giải', direction: 'HIGHER', min: 40, max: 60 })).toBe('40 - 60 giải');
    expect(targetText({ unit: 'HS', direction: 'NONE', min: null, max: null })).toBe('');
  });
});

const approval: ApprovalData = {
  issuer: schoolIssuer(district, 'Trường Tiểu học Thanh Tân'),
  officeName: district.officeName,
  districtName: district.name,
  timeZone: ZONE,
  schoolName: 'Trường Tiểu học Thanh Tân',
  campaign: {
    documentNumber: '455/KH-PGDĐT',
    title: 'Kế hoạch thực hiện nhiệm vụ năm học 2022',
    issuedOn: new Date('2021-12-30T00:00:00Z'),
  },
  version: { number: 2, submittedAt: new Date('2022-01-20T02:00:00Z'), submittedBy: 'Đinh Anh Nam' },
  sections: [{ title: 'Mục đích, yêu cầu', text: 'Nâng cao chất lượng giáo dục toàn diện.\nĐổi mới phương pháp.' }],
  indicators: [
    { label: 'Tỷ lệ HS hoàn thành chương trình lớp học', unit: '%', baseline: '99%', target: '99,5%' },
    { label: 'Số giải HSG cấp Thành phố', unit: 'giải', baseline: '2 giải', target: '3 - 5 giải' },
  ],
  decision: {
    decidedAt: new Date('2022-01-25T03:15:00Z'),
    deciderName: 'Trần Văn Bình',
    capacity: 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG',
    comment: 'Kế hoạch đầy đủ, khả thi.',
  },
};

const APPROVAL_TEXTS = [
  'PHÒNG GD&ĐT KIẾN XƯƠNG',
  'TRƯỜNG TIỂU HỌC THANH TÂN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Phiên bản số 2',
  'MỤC ĐÍCH, YÊU CẦU',
  'Nâng cao chất lượng giáo dục toàn diện.',
  'Tỷ lệ HS hoàn thành chương trình lớp học',
  '99,5%',
  '3 - 5 giải',
  'PHÊ DUYỆT CỦA PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KIẾN XƯƠNG',
  'lúc 10:15 25/01/2022',
  'Kế hoạch đầy đủ, khả thi.',
  'KT. TRƯỞNG PHÒNG',
  'PHÓ TRƯỞNG PHÒNG',
  'Trần Văn Bình',
];

describe('the approved plan with its approval', () => {
  it('as DOCX: the school under the office, the version, the indicators and the approval as recorded', async () => {
    const t = await text(await buildApprovalDocx(approval));
    for (const expected of APPROVAL_TEXTS) expect(t).toContain(expected);
  });

  it('as PDF in the shipped DejaVu Serif: the same text with its diacritics intact', async () => {
    const pdf = await buildApprovalPdf(approval);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const t = (await pdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of APPROVAL_TEXTS) expect(t).toContain(expected.replace(/\s+/g, ' '));
    expect(pdf.toString('latin1')).toContain('DejaVuSerif');
  });
});

describe('the report figures and the report (DOCX)', () => {
  // The consolidation's answer (its maths are pinned in rollup.spec.ts and consolidation.e2e-spec.ts): the report
  // lays it out, it computes nothing of its own.
  const fig = (f: Partial<FigureRow>): FigureRow => ({
    plans: 0,
    approved: 0,
    notApproved: 0,
    withTarget: 0,
    min: null,
    median: null,
    max: null,
    value: null,
    withoutWeight: 0,
    meets: null,
    below: null,
    results: [],
    ...f,
  });
  const consolidation: CampaignConsolidation = {
    campaign: {
      id: 'c',
      key: 'k',
      documentNumber: '455/KH-PGDĐT',
      title: 'Kế hoạch năm 2022',
      district: { id: 'd', name: 'Huyện Kiến Xương' },
    },
    scope: null,
    phases: [],
    plans: { total: 5, submitted: 4, approved: 4, notApproved: 1 },
    indicators: [
      {
        code: 'ENROL',
        label: 'Tỷ lệ huy động',
        unit: '%',
        level: null,
        direction: 'HIGHER',
        rollup: 'RATE',
        weight: 'PUPILS',
        target: { min: 97, max: null },
        district: fig({
          plans: 5,
          approved: 4,
          withTarget: 3,
          min: 93,
          median: 96,
          max: 99,
          value: 96.8,
          meets: false,
          below: 2,
        }),
        levels: [
          { level: 'PRESCHOOL', ...fig({ plans: 3, approved: 2, withTarget: 2, value: 94.5, meets: false, below: 2 }) },
          {
            level: 'LOWER_SECONDARY',
            ...fig({ plans: 2, approved: 2, withTarget: 1, value: 99, meets: true, below: 0 }),
          },
        ],
        clusters: [],
        schoolResults: [],
        schoolsBelow: {
          total: 3,
          schools: [
            { code: 'mn-b', name: 'MN B', level: 'PRESCHOOL', cluster: 'Cụm I', figure: 93 },
            { code: 'mn-a', name: 'MN A', level: 'PRESCHOOL', cluster: 'Cụm I', figure: 96 },
          ],
        },
      },
      {
        code: 'PRIZES',
        label: 'Số giải HSG cấp Thành phố',
        unit: 'giải',
        level: 'LOWER_SECONDARY',
        direction: 'HIGHER',
        rollup: 'COUNT',
        weight: 'NONE',
        target: { min: 4, max: 6 },
        district: fig({ plans: 2, approved: 2, withTarget: 2, min: 2, median: 2.5, max: 3, value: 5, meets: true }),
        levels: [{ level: 'LOWER_SECONDARY', ...fig({ plans: 2, approved: 2, withTarget: 2, value: 5 }) }],
        clusters: [],
        schoolResults: [],
        schoolsBelow: { total: 0, schools: [] },
      },
    ],
  };

  it('lays out the consolidation: a row per level then the district, its target, the schools below it', () => {
    const [enrol, prizes] = reportIndicators(consolidation);
    expect(enrol.rollUp).toBe('AVERAGE');
    expect(enrol.rows.map((r) => r.scope)).toEqual(['Mầm non', 'THCS', 'Toàn huyện']);
    expect(enrol.rows[2]).toEqual({
      scope: 'Toàn huyện',
      schools: 5,
      approved: 4,
      withTarget: 3,
      min: 93,
      median: 96,
      max: 99,
      value: 96.8,
      target: '≥ 97%',
      met: false,
      below: ['MN B', 'MN A', 'và 1 trường khác'],
    });
    expect(enrol.rows[0]).toMatchObject({ schools: 3, approved: 2, value: 94.5, met: false, below: [] });
    // A count: summed, one row (one level), compared as the district's total, no school named.
    expect(prizes.rollUp).toBe('SUM');
    expect(prizes.rows).toHaveLength(1);
    expect(prizes.rows[0]).toMatchObject({ value: 5, median: 2.5, met: true, below: [], target: '4 - 6 giải' });
    // A reviewer's report names their share, not the district.
    expect(
      reportIndicators({ ...consolidation, scope: { levels: ['PRESCHOOL'], clusters: [] } })[0].rows[2].scope,
    ).toBe('Phạm vi phụ trách');
  });

  it('prints the figures in the Decree 30 frame', async () => {
    const t = await text(
      await buildReportDocx({
        issuer: officeIssuer(district),
        districtName: district.name,
        officeName: district.officeName,
        timeZone: ZONE,
        number: 'Số:      /BC-PGDĐT',
        date: new Date('2022-02-10T03:00:00Z'),
        campaign: { documentNumber: '455/KH-PGDĐT', title: 'Kế hoạch năm 2022', issuedOn: new Date('2021-12-30') },
        totals: { schools: 5, submitted: 4, approved: 4 },
        indicators: reportIndicators(consolidation),
        signer: { capacity: 'TRƯỞNG PHÒNG', fullName: 'Nguyễn Văn An' },
        distribution: ['UBND huyện (để b/c);', 'Lưu: VT.'],
      }),
    );
    for (const expected of [
      'BÁO CÁO',
      'Kiến Xương, ngày 10 tháng 02 năm 2022',
      'Tổng số trường thực hiện: 5; đã nộp kế hoạch: 4; đã được phê duyệt: 4; chưa được phê duyệt: 1.',
      '1. Tỷ lệ huy động (%)',
      'Bình quân',
      '94,5%',
      'Chưa đạt',
      '96,8%',
      '≥ 97%',
      'Các trường dưới chỉ tiêu (Toàn huyện): MN B; MN A; và 1 trường khác.',
      '2. Số giải HSG cấp Thành phố (giải)',
      'Tổng',
      '5 giải',
      '- UBND huyện (để b/c);',
      'TRƯỞNG PHÒNG',
    ]) {
      expect(t).toContain(expected);
    }
  });
});

describe('the report (XLSX)', () => {
  it('writes one formatted sheet per level with the schools approved targets', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const row = (
      code: string,
      approved: number | null,
      targets: (number | null)[],
      targetMaxes: (number | null)[],
    ): ReportSchoolRow => ({
      code,
      name: `Trường ${code}`,
      level: 'PRIMARY',
      cluster: 'Cụm I',
      status: approved ? 'APPROVED' : 'DRAFTING',
      submitted: !!approved,
      approvedVersion: approved,
      targets,
      targetMaxes,
    });
    async function* rows() {
      yield [row('th-a', 2, [99.5, 3], [null, 5])];
      yield [row('th-b', null, [null, null], [null, null])];
    }
    async function* none() {}
    const ind = (code: string, unit: string) => ({
      code,
      label: code === 'RATE' ? 'Tỷ lệ hoàn thành' : 'Số giải',
      unit,
      level: null,
      direction: 'HIGHER' as const,
      min: null,
      max: null,
    });
    await writeReportXlsx(out, { creator: 'Phòng GD&ĐT' }, [
      { name: 'Tiểu học', indicators: [ind('RATE', '%'), ind('PRIZES', 'giải')], rows: rows() },
      { name: 'THCS', indicators: [], rows: none() },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tiểu học', 'THCS']);
    const ws = wb.getWorksheet('Tiểu học')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Mã trường',
      'Tên trường',
      'Cụm trường',
      'Trạng thái',
      'Phiên bản đã duyệt',
      'Tỷ lệ hoàn thành (%)',
      'Số giải (giải)',
    ]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).values).toEqual([undefined, 'th-a', 'Trường th-a', 'Cụm I', 'Đã phê duyệt', 2, 99.5, '3 - 5']);
    expect(ws.getRow(3).getCell(1).value).toBe('th-b');
    expect(ws.getRow(3).getCell(6).value).toBeNull();
  });
});
