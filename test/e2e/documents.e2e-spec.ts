import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { ADMIN, CLERK, PRIMARY_DRAFT, bearer, openCampaign, planIdOf, principal } from '../support/campaign';
import { importProvince } from '@duyet/domain';
import { pdfText } from '../support/pdf-text';
import { type Stack, startStack } from '../support/stack';

// The documents an office files, read back from the running API: the directive (DOCX), an approved plan with its
// approval (DOCX, PDF), the consolidated report (XLSX streamed, DOCX), and who may download each.

const DEPUTY = 'pho.phothong@kienxuong.example';
const SCHOOL = 'th-binh-minh';
const OTHER = 'th-thanh-tan';
const KT = 'KT. TRƯỞNG PHÒNG - PHÓ TRƯỞNG PHÒNG';
const DISTRIBUTION = ['Như trên;', 'Các trường TH, THCS cụm I (để t/h);', 'Lưu: VT, GDTH.'];
const PROVINCE = 'so.gddt@thaibinh.example';
const OTHER_PROVINCE = 'so.gddt@docwire-namdinh.example';
/** The directive's own target for this rate, other than the catalogue's (≥ 99.8%). */
const LEARNING = 'TH_LEARNING_DONE';
const OWN_TARGET = 99.6;
const vn = (n: number) => String(n).replace('.', ',');

describe('documents an office files', () => {
  let stack: Stack;
  let campaignId: string;
  let planId: string;

  const get = async (url: string, email: string) =>
    stack
      .http()
      .get(url)
      .set(await bearer(stack, email))
      .responseType('blob');
  const docxText = async (body: Buffer) => (await mammoth.extractRawText({ buffer: body })).value;

  beforeAll(async () => {
    stack = await startStack();
    campaignId = await openCampaign(stack, {
      key: 'docs-van-ban-2027',
      documentNumber: '77/KH-PGDĐT',
      title: 'Kế hoạch thực hiện nhiệm vụ năm học 2027 - 2028 của các trường tiểu học, THCS cụm I',
      issuedOn: '2027-08-05',
      period: { from: '2027-09-01', to: '2028-05-31' },
      phases: [{ name: 'Học kỳ I', from: '2027-09-01', to: '2028-01-15' }],
      targetLevels: ['PRIMARY', 'LOWER_SECONDARY'],
      targetClusters: ['I'],
      paperCopies: 2,
      receiver: CLERK,
      submissionDeadline: '2027-09-20T17:00:00+07:00',
      signer: { email: DEPUTY },
      distribution: DISTRIBUTION,
      targets: { [LEARNING]: { min: OWN_TARGET } },
    });
    planId = await planIdOf(stack, campaignId, SCHOOL);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('keeps the distribution list the directive was issued with, and refuses an empty line in words', async () => {
    const campaign = await stack
      .http()
      .get(`/api/campaigns/${campaignId}`)
      .set(await bearer(stack, ADMIN))
      .expect(200);
    expect(campaign.body.distribution).toEqual(DISTRIBUTION);
    const bad = await stack
      .http()
      .post('/api/campaigns')
      .set(await bearer(stack, ADMIN))
      .send({ ...campaign.body, key: 'docs-sai-noi-nhan', distribution: ['Như trên;', '  '] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toContainEqual({ field: 'distribution.1', message: 'Dòng nơi nhận không được để trống' });
    expect(await stack.prisma.campaign.count({ where: { key: 'docs-sai-noi-nhan' } })).toBe(0);
  });

  it('builds the directive from the campaign, for the office only', async () => {
    const res = await get(`/api/campaigns/${campaignId}/documents/directive.docx`, CLERK);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2077-KH-PG");
    const text = await docxText(res.body as Buffer);
    // The directive prints its own target for the rate it changed, the catalogue's for the others.
    const kienXuong = await stack.prisma.district.findUniqueOrThrow({ where: { code: 'kien-xuong' } });
    const catalogue = await stack.prisma.indicator.findFirstOrThrow({
      where: { districtId: kienXuong.id, code: LEARNING },
    });
    expect(catalogue.targetMin?.toNumber()).toBe(99.8);
    expect(text).toMatch(new RegExp(`hoàn thành về học tập\\s+Tiểu học\\s+%\\s+≥ ${vn(OWN_TARGET)}%`));
    for (const expected of [
      'UBND HUYỆN KIẾN XƯƠNG',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 77/KH-PGDĐT',
      'Kiến Xương, ngày 05 tháng 8 năm 2027',
      'KẾ HOẠCH',
      'Thực hiện nhiệm vụ năm học 2027 - 2028 của các trường tiểu học, THCS cụm I',
      'các trường tiểu học, thcs thuộc các cụm trường: Cụm I.',
      'Giai đoạn 1: Học kỳ I (từ 01/09/2027 đến 15/01/2028).',
      'Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực',
      '≥ 99,8%',
      'chậm nhất vào 17:00 20/09/2027 và nộp 02 bản giấy',
      'người nhận: Đặng Anh Tuấn',
      'Nơi nhận:',
      '- Các trường TH, THCS cụm I (để t/h);',
      '- Lưu: VT, GDTH.',
      'KT. TRƯỞNG PHÒNG',
      'PHÓ TRƯỞNG PHÒNG',
      'Nguyễn Anh Hà',
    ]) {
      expect(text).toContain(expected);
    }
    const school = await get(`/api/campaigns/${campaignId}/documents/directive.docx`, principal(SCHOOL));
    expect(school.status).toBe(403);
  });

  it('answers 409 in words for a plan not yet approved, then the approved plan with its approval as DOCX and PDF', async () => {
    const early = await stack
      .http()
      .get(`/api/plans/${planId}/documents/approval.pdf`)
      .set(await bearer(stack, principal(SCHOOL)));
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Kế hoạch chưa được phê duyệt nên chưa có văn bản kế hoạch đã duyệt.');

    const school = await bearer(stack, principal(SCHOOL));
    await stack.http().put(`/api/plans/${planId}/draft`).set(school).send(PRIMARY_DRAFT).expect(200);
    await stack.http().post(`/api/plans/${planId}/submit`).set(school).expect(200);
    await stack
      .http()
      .post(`/api/plans/${planId}/approve`)
      .set(await bearer(stack, DEPUTY))
      .send({ comment: 'Kế hoạch đầy đủ, khả thi.' })
      .expect(200);
    const decision = await stack.prisma.decision.findFirstOrThrow({ where: { planId } });
    expect(decision.capacity).toBe(KT);

    const expected = [
      'PHÒNG GD&ĐT KIẾN XƯƠNG',
      'TRƯỜNG TIỂU HỌC BÌNH MINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Phiên bản số 1',
      'MỤC ĐÍCH, YÊU CẦU',
      PRIMARY_DRAFT.sections.purpose,
      'Tỷ lệ HS hoàn thành tốt và hoàn thành về học tập',
      '99,5%',
      'PHÊ DUYỆT CỦA PHÒNG GIÁO DỤC VÀ ĐÀO TẠO KIẾN XƯƠNG',
      'Kế hoạch đầy đủ, khả thi.',
      'KT. TRƯỞNG PHÒNG',
      'PHÓ TRƯỞNG PHÒNG',
      'Nguyễn Anh Hà',
    ];
    const docx = await get(`/api/plans/${planId}/documents/approval.docx`, principal(SCHOOL));
    expect(docx.status).toBe(200);
    const text = await docxText(docx.body as Buffer);
    for (const e of expected) expect(text).toContain(e);

    const pdf = await get(`/api/plans/${planId}/documents/approval.pdf`, DEPUTY);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfWords = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    for (const e of expected) expect(pdfWords).toContain(e);

    // Another school's principal may not read this plan, nor its documents.
    const other = await get(`/api/plans/${planId}/documents/approval.pdf`, principal(OTHER));
    expect(other.status).toBe(403);
  });

  it('streams the consolidated workbook, one sheet per level, each school with its approved targets', async () => {
    const res = await get(`/api/campaigns/${campaignId}/documents/report.xlsx`, ADMIN);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tiểu học', 'THCS']);
    const primary = wb.getWorksheet('Tiểu học')!;
    expect(primary.getRow(1).values).toEqual([
      undefined,
      'Mã trường',
      'Tên trường',
      'Cụm trường',
      'Trạng thái',
      'Phiên bản đã duyệt',
      'Tỷ lệ HS được đánh giá Tốt và Đạt về phẩm chất, năng lực (%)',
      'Tỷ lệ HS hoàn thành tốt và hoàn thành về học tập (%)',
      'Tỷ lệ HS được cấp chứng chỉ biết bơi (%)',
      'Tỷ lệ đảng viên (%)',
      'Tỷ lệ giáo viên đạt chuẩn và trên chuẩn trình độ (%)',
    ]);
    expect(primary.getRow(1).font?.bold).toBe(true);
    expect(primary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const codes = primary.getColumn(1).values.slice(2);
    expect(codes).toEqual(['th-binh-dinh', 'th-binh-minh', 'th-binh-thanh', 'th-nam-binh', 'th-thanh-tan']);
    const row = primary.getRow(2 + codes.indexOf(SCHOOL));
    expect(row.values).toEqual([
      undefined,
      SCHOOL,
      'Trường Tiểu học Bình Minh',
      'Cụm I',
      'Đã phê duyệt',
      1,
      99.8,
      99.5,
      15,
      65,
      85,
    ]);
    expect(wb.getWorksheet('THCS')!.rowCount).toBe(6);

    expect((await get(`/api/campaigns/${campaignId}/documents/report.xlsx`, CLERK)).status).toBe(403);
    expect((await get(`/api/campaigns/${campaignId}/documents/report.xlsx`, principal(SCHOOL))).status).toBe(403);
  });

  it('writes the report from the consolidation: pupil-weighted rates against the directive’s own target', async () => {
    // A second school approved, with another figure: the district's rate is weighted by the schools' pupils.
    const other = await planIdOf(stack, campaignId, OTHER);
    const auth = await bearer(stack, principal(OTHER));
    const draft = {
      ...PRIMARY_DRAFT,
      indicators: { ...PRIMARY_DRAFT.indicators, [LEARNING]: { baseline: 99, target: 99.9 } },
    };
    await stack.http().put(`/api/plans/${other}/draft`).set(auth).send(draft).expect(200);
    await stack.http().post(`/api/plans/${other}/submit`).set(auth).expect(200);
    await stack
      .http()
      .post(`/api/plans/${other}/approve`)
      .set(await bearer(stack, DEPUTY))
      .send({ comment: 'Đồng ý.' })
      .expect(200);
    const pupils = async (code: string) =>
      (await stack.prisma.school.findFirstOrThrow({ where: { code, district: { code: 'kien-xuong' } } })).students!;
    const [a, b] = [await pupils(SCHOOL), await pupils(OTHER)];
    const weighted = Math.round(((99.5 * a + 99.9 * b) / (a + b)) * 1000) / 1000;
    expect(weighted).not.toBeCloseTo(99.7, 2); // not the plain mean

    const res = await get(`/api/campaigns/${campaignId}/documents/report.docx`, ADMIN);
    expect(res.status).toBe(200);
    const text = await docxText(res.body as Buffer);
    for (const expected of [
      'BÁO CÁO',
      'Tổng hợp kế hoạch của các trường thực hiện Kế hoạch số 77/KH-PGDĐT ngày 05/08/2027',
      'Tổng số trường thực hiện: 10; đã nộp kế hoạch: 2; đã được phê duyệt: 2; chưa được phê duyệt: 8.',
      'Tỷ lệ HS hoàn thành tốt và hoàn thành về học tập (%)',
      'Toàn huyện',
      '≥ 99,8%',
      'Tỷ lệ đảng viên (%)',
      'KT. TRƯỞNG PHÒNG',
    ]) {
      expect(text).toContain(expected);
    }
    // The rate's district row: the 5 primary schools, 2 approved with a target, min 99,5, median, max 99,9, the weighted mean, the
    // directive's own 99,6 target, met; Bình Minh (99,5) is below it, Thanh Tân (99,9) is not.
    const median = vn(Math.round(((99.5 + 99.9) / 2) * 1000) / 1000);
    expect(text).toMatch(
      new RegExp(
        `học tập \\(%\\)\\s+(?:[^]*?)Toàn huyện\\s+5\\s+2\\s+2\\s+99,5%\\s+${median}%\\s+99,9%\\s+` +
          `${vn(weighted)}%\\s+≥ ${vn(OWN_TARGET)}%\\s+Đạt\\s+Các trường dưới chỉ tiêu \\(Toàn huyện\\): ` +
          'Trường Tiểu học Bình Minh\\.',
      ),
    );
    expect((await get(`/api/campaigns/${campaignId}/documents/report.docx`, CLERK)).status).toBe(403);
  });

  it('lets the province (Sở GD&ĐT) read its districts’ documents, and no other province’s user', async () => {
    const report = await get(`/api/campaigns/${campaignId}/documents/report.docx`, PROVINCE);
    expect(report.status).toBe(200);
    const text = await docxText(report.body as Buffer);
    expect(text).toContain('Tổng số trường thực hiện: 10; đã nộp kế hoạch: 2; đã được phê duyệt: 2');
    expect(text).toContain(`≥ ${vn(OWN_TARGET)}%`);
    expect((await get(`/api/campaigns/${campaignId}/documents/directive.docx`, PROVINCE)).status).toBe(200);
    const xlsx = await get(`/api/campaigns/${campaignId}/documents/report.xlsx`, PROVINCE);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    // The whole district, as its admin reads it.
    expect(wb.getWorksheet('Tiểu học')!.getColumn(1).values.slice(2)).toHaveLength(5);

    // A user of another province: the campaign is not found, on every document.
    const reader = await stack.prisma.user.findUniqueOrThrow({ where: { email: PROVINCE } });
    await importProvince(
      stack.prisma,
      {
        code: 'docwire-nam-dinh',
        name: 'Tỉnh Nam Định',
        officeName: 'Sở Giáo dục và Đào tạo tỉnh Nam Định',
        districts: [],
        users: [{ email: OTHER_PROVINCE, fullName: 'Trần Văn Nam', title: 'Chuyên viên, Sở GD&ĐT Nam Định' }],
      },
      reader.passwordHash,
    );
    for (const doc of ['report.docx', 'report.xlsx', 'directive.docx']) {
      const res = await get(`/api/campaigns/${campaignId}/documents/${doc}`, OTHER_PROVINCE);
      expect(res.status).toBe(404);
    }
    // An approved plan with its approval: its province's user reads it, another province's does not find it.
    const plan = await get(`/api/plans/${planId}/documents/approval.pdf`, PROVINCE);
    expect(plan.status).toBe(200);
    expect((await pdfText(plan.body as Buffer)).replace(/\s+/g, ' ')).toContain('TRƯỜNG TIỂU HỌC BÌNH MINH');
    expect((await get(`/api/plans/${planId}/documents/approval.docx`, OTHER_PROVINCE)).status).toBe(404);
  });
});
