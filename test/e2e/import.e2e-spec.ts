// Import from Excel over HTTP against the real stack: the template, a clean file checked then applied, a file with
// every kind of error (each at its sheet, row and column, nothing written), the same file twice (nothing changes the
// second time), an edited file (updates, never duplicates), a file of 10,000 rows, and files refused whole (not an
// XLSX, a zip bomb, too large). A district of its own, so nothing it writes touches another suite.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { Readable } from 'node:stream';
import type { Response } from 'supertest';
import { bearer } from '../support/campaign';
import { type TestDistrict, importSampleDistrict, openDistrictCampaign } from '../support/district';
import { districtWorkbook, provinceRows } from '../support/import-workbook';
import { mailTo } from '../support/mailbox';
import { type Stack, eventually, startStack } from '../support/stack';

const DOMAIN = 'nhapexcel.example';
const at = (local: string) => `${local}@${DOMAIN}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('import from Excel', () => {
  let stack: Stack;
  let district: TestDistrict;

  const send = async (route: 'check' | 'apply', file: Buffer, name = 'danh-sach.xlsx', email = district.admin) =>
    stack
      .http()
      .post(`/api/district-import/${route}`)
      .set(await bearer(stack, email))
      .attach('file', file, { filename: name, contentType: XLSX });
  const ok = (res: Response, status = 200): Response => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  };

  /** Everything an import could write in the district, as one comparable value. */
  const state = async () => {
    const where = { districtId: district.id };
    const [clusters, schools, users, assignments, audit] = await Promise.all([
      stack.prisma.cluster.findMany({ where, orderBy: { code: 'asc' } }),
      stack.prisma.school.findMany({ where, orderBy: { code: 'asc' } }),
      stack.prisma.user.findMany({ where, orderBy: { email: 'asc' }, omit: { passwordHash: true } }),
      stack.prisma.reviewerAssignment.findMany({
        where: { reviewer: where },
        orderBy: [{ reviewerId: 'asc' }, { level: 'asc' }, { clusterId: 'asc' }],
        select: { reviewerId: true, level: true, clusterId: true },
      }),
      stack.prisma.auditEvent.count({ where }),
    ]);
    return { clusters, schools, users, assignments, audit };
  };

  beforeAll(async () => {
    stack = await startStack();
    district = await importSampleDistrict(stack.prisma, { code: 'nhap-excel', domain: DOMAIN, schools: [] });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('hands an admin the template, with its sheets, headers and the district clusters; nobody else', async () => {
    const res = await stack
      .http()
      .get('/api/district-import/template')
      .set(await bearer(stack, district.admin))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.read(Readable.from([res.body as Buffer]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trường', 'Người dùng', 'Cụm trường', 'Hướng dẫn']);
    expect(wb.getWorksheet('Người dùng')!.getRow(1).values).toEqual([
      undefined,
      'E-mail *',
      'Họ và tên *',
      'Chức vụ *',
      'Quyền (Q.)',
      'Mã trường',
      'Chức danh hiển thị',
      'Cấp học phụ trách',
      'Cụm phụ trách',
    ]);
    expect(wb.getWorksheet('Cụm trường')!.getColumn(1).values.slice(2)).toEqual(['I', 'II', 'III', 'IV']);

    for (const who of [district.clerk, district.person('chuyenvien1')]) {
      await stack
        .http()
        .get('/api/district-import/template')
        .set(await bearer(stack, who))
        .expect(403);
    }
  });

  const CLEAN = {
    clusters: [['V', 'Cụm V']] as [string, string][],
    schools: [
      ['nx-th-1', 'Trường Tiểu học Nhập Một', 'Tiểu học', 'I', 'Xã Một', 410],
      ['nx-mn-2', 'Trường Mầm non Nhập Hai', 'Mầm non', 'V'],
    ] as [string, string, string, string, string?, number?][],
    users: [
      [at('ht.nx1'), 'Nguyễn Văn Một', 'Hiệu trưởng', 'Có', 'nx-th-1'],
      [at('gv.nx1'), 'Trần Thị Hai', 'Giáo viên/nhân viên', '', 'nx-th-1', 'Giáo viên Toán'],
      [at('ht.nx2'), 'Lê Thị Ba', 'Hiệu trưởng', '', 'nx-mn-2'],
      [at('cv.nx'), 'Phạm Văn Bốn', 'Chuyên viên', '', '', '', 'Mầm non', 'V, I'],
    ] as [string, string, string, string?, string?, string?, string?, string?][],
  };

  it('checks a clean file without writing, then applies it: created, audited once, no usable password', async () => {
    const file = await districtWorkbook(CLEAN);
    const before = await state();
    const check = ok(await send('check', file));
    expect(check.body).toMatchObject({
      ok: true,
      problemCount: 0,
      problems: [],
      changes: {
        clusters: { created: 1, updated: 0, unchanged: 0 },
        schools: { created: 2, updated: 0, unchanged: 0 },
        users: { created: 4, updated: 0, unchanged: 0 },
      },
      file: { name: 'danh-sach.xlsx', bytes: file.length },
    });
    expect(await state()).toEqual(before);

    const applied = ok(await send('apply', file));
    expect(applied.body).toMatchObject({ changed: true, invited: 0, changes: check.body.changes });
    expect(applied.body.file.sha256).toBe(check.body.file.sha256);

    const school = await stack.prisma.school.findUniqueOrThrow({
      where: { districtId_code: { districtId: district.id, code: 'nx-th-1' } },
      include: { cluster: true },
    });
    expect(school).toMatchObject({
      name: 'Trường Tiểu học Nhập Một',
      level: 'PRIMARY',
      commune: 'Xã Một',
      students: 410,
    });
    expect(school.cluster.code).toBe('I');
    const principal = await stack.prisma.user.findUniqueOrThrow({ where: { email: at('ht.nx1') } });
    expect(principal).toMatchObject({
      position: 'PRINCIPAL',
      role: 'PRINCIPAL',
      acting: true,
      title: 'Q. Hiệu trưởng',
      schoolId: school.id,
      districtId: district.id,
    });
    const specialist = await stack.prisma.user.findUniqueOrThrow({
      where: { email: at('cv.nx') },
      include: { assignments: { include: { cluster: true } } },
    });
    expect(specialist.assignments.map((a) => a.level ?? a.cluster!.code).sort()).toEqual(['I', 'PRESCHOOL', 'V']);

    const events = await stack.prisma.auditEvent.findMany({
      where: { districtId: district.id, type: 'PEOPLE_IMPORTED' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      fileName: 'danh-sach.xlsx',
      schools: { created: 2 },
      users: { created: 4 },
      clusters: { created: 1 },
      invited: 0,
    });
    // Nobody was mailed, and nobody signs in before setting a password through an invitation.
    expect(await mailTo(at('ht.nx1'))).toEqual([]);
    await stack
      .http()
      .post('/api/auth/login')
      .send({ email: at('ht.nx1'), password: 'Duyet@2026' })
      .expect(401);
  });

  it('changes nothing when the same file is applied again', async () => {
    const file = await districtWorkbook(CLEAN);
    const before = await state();
    const check = ok(await send('check', file));
    expect(check.body.changes).toEqual({
      clusters: { created: 0, updated: 0, unchanged: 1 },
      schools: { created: 0, updated: 0, unchanged: 2 },
      users: { created: 0, updated: 0, unchanged: 4 },
    });
    const applied = ok(await send('apply', file));
    expect(applied.body).toMatchObject({ changed: false, changes: check.body.changes });
    expect(await state()).toEqual(before);
  });

  it('updates from an edited file by school code and e-mail, never duplicating', async () => {
    const edited = {
      clusters: CLEAN.clusters,
      schools: [
        ['nx-th-1', 'Trường Tiểu học Nhập Một (đổi tên)', 'Tiểu học', 'V'],
        CLEAN.schools[1]!,
        ['nx-thcs-3', 'Trường THCS Nhập Ba', 'THCS', 'II'],
      ] as typeof CLEAN.schools,
      users: [
        CLEAN.users[0]!,
        [at('gv.nx1'), 'Trần Thị Hai', 'Phó hiệu trưởng', '', 'nx-th-1'],
        CLEAN.users[2]!,
        CLEAN.users[3]!,
        [at('ht.nx3'), 'Đỗ Văn Năm', 'Hiệu trưởng', '', 'nx-thcs-3'],
      ] as typeof CLEAN.users,
    };
    const applied = ok(await send('apply', await districtWorkbook(edited)));
    expect(applied.body.changes).toEqual({
      clusters: { created: 0, updated: 0, unchanged: 1 },
      schools: { created: 1, updated: 1, unchanged: 1 },
      users: { created: 1, updated: 1, unchanged: 3 },
    });
    const school = await stack.prisma.school.findMany({
      where: { districtId: district.id, code: 'nx-th-1' },
      include: { cluster: true },
    });
    expect(school).toHaveLength(1);
    // Left empty, the commune and the pupils stay as they were.
    expect(school[0]).toMatchObject({ name: 'Trường Tiểu học Nhập Một (đổi tên)', commune: 'Xã Một', students: 410 });
    expect(school[0]!.cluster.code).toBe('V');
    const deputy = await stack.prisma.user.findMany({ where: { email: at('gv.nx1') } });
    // The title cell was left empty: the display title stays.
    expect(deputy.map((u) => [u.position, u.role, u.title])).toEqual([
      ['DEPUTY_PRINCIPAL', 'SCHOOL_STAFF', 'Giáo viên Toán'],
    ]);
    expect(await stack.prisma.user.count({ where: { districtId: district.id, email: { endsWith: DOMAIN } } })).toBe(
      8 + 5,
    );
    const events = await stack.prisma.auditEvent.count({ where: { districtId: district.id, type: 'PEOPLE_IMPORTED' } });
    expect(events).toBe(2);
  });

  it("hands a principal's open plans over when the file moves them away from their school", async () => {
    // nx-th-1 (primary, cluster V since the edited file) gets a plan; the file then swaps its principal and deputy.
    const campaignId = await openDistrictCampaign(stack, district, {
      key: 'nhap-excel-ban-giao',
      targetLevels: ['PRIMARY'],
      targetClusters: ['V'],
    });
    const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: 'nx-th-1' } } });
    const swapped = [
      [at('ht.nx1'), 'Nguyễn Văn Một', 'Phó hiệu trưởng', '', 'nx-th-1'],
      [at('gv.nx1'), 'Trần Thị Hai', 'Hiệu trưởng', '', 'nx-th-1'],
      CLEAN.users[2]!,
      CLEAN.users[3]!,
      [at('ht.nx3'), 'Đỗ Văn Năm', 'Hiệu trưởng', '', 'nx-thcs-3'],
    ] as typeof CLEAN.users;
    const schools = [
      ['nx-th-1', 'Trường Tiểu học Nhập Một (đổi tên)', 'Tiểu học', 'V'],
      CLEAN.schools[1]!,
      ['nx-thcs-3', 'Trường THCS Nhập Ba', 'THCS', 'II'],
    ] as typeof CLEAN.schools;
    ok(await send('apply', await districtWorkbook({ clusters: CLEAN.clusters, schools, users: swapped })));

    const [from, to] = await Promise.all(
      [at('ht.nx1'), at('gv.nx1')].map((email) => stack.prisma.user.findUniqueOrThrow({ where: { email } })),
    );
    const handed = await stack.prisma.auditEvent.findMany({ where: { planId: plan.id, type: 'PLAN_HANDED_OVER' } });
    expect(handed.map((e) => e.data)).toEqual([
      {
        from: { id: from!.id, fullName: 'Nguyễn Văn Một' },
        to: { id: to!.id, fullName: 'Trần Thị Hai' },
        schoolCode: 'nx-th-1',
        status: 'NOT_STARTED',
      },
    ]);
    // The same file again moves nobody: no second handover.
    ok(await send('apply', await districtWorkbook({ clusters: CLEAN.clusters, schools, users: swapped })));
    expect(await stack.prisma.auditEvent.count({ where: { planId: plan.id, type: 'PLAN_HANDED_OVER' } })).toBe(1);
  });

  it('lists every problem at its sheet, row and column, and the apply of that file writes nothing', async () => {
    const file = await districtWorkbook({
      clusters: [['VI', '']],
      schools: [
        ['', 'Trường không mã', 'Tiểu học', 'I'],
        ['nx-bad-1', 'Trường cấp lạ', 'THPT', 'I'],
        ['nx-bad-2', 'Trường cụm lạ', 'Tiểu học', 'IX'],
        ['nx-bad-2', 'Trường trùng mã', 'Tiểu học', 'I', '', 'nhiều'],
      ],
      users: [
        ['khong-phai-email', 'Người A', 'Chuyên viên'],
        [at('trung'), 'Người B', 'Kế toán'],
        [at('trung'), 'Người B lần hai', 'Chuyên viên'],
        [at('ht.lac'), 'Hiệu trưởng lạc', 'Hiệu trưởng', '', 'khong-co-truong'],
        [at('vt.q'), 'Văn thư quyền', 'Văn thư', 'Có'],
        [at('gv.khong-truong'), 'Giáo viên', 'Giáo viên/nhân viên'],
        [at('tp.hai'), 'Trưởng phòng thứ hai', 'Trưởng phòng'],
        [at('ht.nx1.hai'), 'Hiệu trưởng thứ hai', 'Hiệu trưởng', '', 'nx-th-1'],
        ['hieutruong.th-vu-quy@kienxuong.example', 'Người huyện khác', 'Hiệu trưởng', '', 'nx-th-1'],
        [district.admin, 'Chính tôi', 'Chuyên viên'],
        [at('cv.lac'), 'Chuyên viên', 'Chuyên viên', '', '', '', 'Đại học', 'IX'],
      ],
    });
    const before = await state();
    const check = ok(await send('check', file, 'loi.xlsx'));
    const cells = check.body.problems.map(
      (p: { sheet: string; column: string; row: number }) => `${p.sheet}!${p.column}${p.row}`,
    );
    expect(cells).toEqual([
      'Cụm trường!B2',
      'Trường!A2',
      'Trường!C3',
      'Trường!D4',
      'Trường!A5',
      'Trường!F5',
      'Người dùng!A2',
      'Người dùng!C3',
      'Người dùng!A4',
      'Người dùng!E5',
      'Người dùng!D6',
      'Người dùng!E7',
      'Người dùng!A10',
      'Người dùng!G12',
      'Người dùng!H12',
      'Người dùng!C8',
      'Người dùng!C9',
      'Người dùng!C10',
      'Người dùng!C11',
    ]);
    const byCell = Object.fromEntries(
      check.body.problems.map((p: { sheet: string; column: string; row: number; message: string; field: string }) => [
        `${p.sheet}!${p.column}${p.row}`,
        `${p.field}: ${p.message}`,
      ]),
    );
    expect(byCell).toMatchObject({
      'Cụm trường!B2': 'Tên cụm: Thiếu tên cụm.',
      'Trường!A2': 'Mã trường: Thiếu mã trường.',
      'Trường!C3': 'Cấp học: Không có cấp học “THPT”: chỉ Mầm non, Tiểu học hoặc THCS.',
      'Trường!D4': expect.stringContaining('Cụm: Không có cụm “IX” trong huyện'),
      'Trường!A5': 'Mã trường: Mã trường “nx-bad-2” trùng với dòng 4.',
      'Trường!F5': expect.stringContaining('Số học sinh: Số học sinh phải là số nguyên'),
      'Người dùng!A2': 'E-mail: “khong-phai-email” không phải địa chỉ e-mail hợp lệ.',
      'Người dùng!C3': expect.stringContaining('Chức vụ: Không có chức vụ “Kế toán”'),
      'Người dùng!A4': expect.stringContaining('trùng với dòng 3'),
      'Người dùng!E5': expect.stringContaining('Không có trường mã “khong-co-truong” trong tệp cũng như trong huyện'),
      'Người dùng!D6': expect.stringContaining('Chỉ trưởng phòng hoặc hiệu trưởng'),
      'Người dùng!E7': 'Mã trường: Giáo viên, nhân viên cần mã trường.',
      'Người dùng!A10': expect.stringContaining('đã là tài khoản của một đơn vị khác'),
      'Người dùng!C8': expect.stringContaining('Huyện đã có trưởng phòng'),
      'Người dùng!C9': expect.stringContaining('Trường nx-th-1 chỉ có một hiệu trưởng'),
      'Người dùng!C11': expect.stringContaining('chức vụ của chính bạn'),
    });
    expect(check.body).toMatchObject({ ok: false, problemCount: cells.length });

    const applied = ok(await send('apply', file, 'loi.xlsx'), 400);
    expect(applied.body.code).toBe('VALIDATION');
    expect(applied.body.message).toContain(`Tệp có ${cells.length} lỗi nên chưa ghi gì`);
    expect(applied.body.errors[0]).toEqual({ field: 'Cụm trường!B2', message: 'Thiếu tên cụm.' });
    expect(await state()).toEqual(before);
  });

  it('refuses a file that is not an XLSX, a zip bomb and an oversize upload, writing nothing', async () => {
    const before = await state();
    const csv = ok(await send('check', Buffer.from('Mã trường,Tên trường\nnx-1,A\n'), 'danh-sach.csv'), 400);
    expect(csv.body.message).toContain('không phải bảng tính Excel (.xlsx)');
    const renamedZip = Buffer.from(zipSync({ 'danh-sach.txt': strToU8('không phải bảng tính') }));
    ok(await send('apply', renamedZip), 400);

    const bomb = Buffer.from(
      zipSync({
        '[Content_Types].xml': strToU8('<Types/>'),
        'xl/workbook.xml': strToU8('<workbook/>'),
        'xl/worksheets/sheet1.xml': strToU8(
          `<worksheet><sheetData>${' '.repeat(100 * 1024 * 1024)}</sheetData></worksheet>`,
        ),
      }),
    );
    expect(bomb.length).toBeLessThan(300 * 1024);
    for (const route of ['check', 'apply'] as const) {
      const refused = ok(await send(route, bomb, 'bom.xlsx'), 400);
      expect(refused.body.message).toMatch(/^Tệp giải nén ra quá 64 MB: không nhận\./);
    }

    const huge = ok(await send('check', Buffer.alloc(11 * 1024 * 1024, 1), 'lon.xlsx'), 400);
    expect(huge.body.message).toBe('Tệp vượt quá dung lượng cho phép (tối đa 10 MB).');
    const none = ok(
      await stack
        .http()
        .post('/api/district-import/check')
        .set(await bearer(stack, district.admin))
        .field('note', 'không có tệp'),
      400,
    );
    expect(none.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('Cần gửi một tệp Excel') }]);
    // Only an admin imports.
    ok(await send('check', await districtWorkbook(CLEAN), 'x.xlsx', district.person('chuyenvien1')), 403);
    expect(await state()).toEqual(before);
  });

  it('mails new users an invitation only when asked', async () => {
    const file = await districtWorkbook({
      users: [
        [at('moi.mot'), 'Người Mới Một', 'Giáo viên/nhân viên', '', 'nx-mn-2'],
        [at('moi.hai'), 'Người Mới Hai', 'Tổ trưởng', '', 'nx-mn-2'],
      ],
    });
    const res = ok(
      await stack
        .http()
        .post('/api/district-import/apply?invite=true')
        .set(await bearer(stack, district.admin))
        .attach('file', file, { filename: 'moi.xlsx', contentType: XLSX }),
    );
    expect(res.body).toMatchObject({ changed: true, invited: 2, changes: { users: { created: 2 } } });
    for (const email of [at('moi.mot'), at('moi.hai')]) {
      const mail = await eventually(async () => (await mailTo(email))[0], 20_000, `the invitation to ${email}`);
      expect(mail.subject).toContain('Mời anh/chị sử dụng hệ thống Duyệt');
    }
  });

  it('checks and applies a file of 10,000 rows', async () => {
    const rows = provinceRows({
      prefix: 'nxl',
      domain: DOMAIN,
      schools: 2000,
      perSchool: 4,
      clusters: ['I', 'II', 'III', 'IV'],
    });
    const file = await districtWorkbook(rows);
    expect(rows.schools.length + rows.users.length).toBeGreaterThanOrEqual(10_000);
    let started = Date.now();
    const check = ok(await send('check', file, 'lon.xlsx'));
    const checkMs = Date.now() - started;
    expect(check.body).toMatchObject({ ok: true, changes: { schools: { created: 2000 }, users: { created: 8005 } } });
    started = Date.now();
    const applied = ok(await send('apply', file, 'lon.xlsx'));
    const applyMs = Date.now() - started;
    expect(applied.body.changes).toEqual(check.body.changes);
    expect(await stack.prisma.school.count({ where: { districtId: district.id, code: { startsWith: 'nxl-' } } })).toBe(
      2000,
    );
    process.stdout.write(`import of ${file.length} bytes, 10,005 rows: check ${checkMs} ms, apply ${applyMs} ms\n`);
    expect(checkMs + applyMs).toBeLessThan(60_000);
  }, 180_000);
});
