import type { DistrictSnapshot, ExistingUser } from './import-plan';
import { planImport } from './import-plan';
import { fold, parseLevel, parsePosition, parseYesNo } from './import-columns';
import type { RawSheet } from './xlsx-file';

const SCHOOL_HEADER = ['Mã trường *', 'Tên trường *', 'Cấp học *', 'Cụm *', 'Xã/thị trấn', 'Số học sinh', 'Số lớp'];
const USER_HEADER = [
  'E-mail *',
  'Họ và tên *',
  'Chức vụ *',
  'Quyền (Q.)',
  'Mã trường',
  'Chức danh hiển thị',
  'Cấp học phụ trách',
  'Cụm phụ trách',
];

const sheet = (name: string, header: string[], rows: string[][]): RawSheet => ({
  name,
  rows: [header, ...rows].map((cells, i) => ({ number: i + 1, cells })),
});
const schools = (...rows: string[][]) => sheet('Trường', SCHOOL_HEADER, rows);
const users = (...rows: string[][]) => sheet('Người dùng', USER_HEADER, rows);

const existingUser = (over: Partial<ExistingUser>): ExistingUser => ({
  id: 'u-old',
  email: 'old@x.vn',
  fullName: 'Người cũ',
  title: 'Chuyên viên',
  position: 'SPECIALIST',
  acting: false,
  schoolCode: null,
  active: true,
  levels: [],
  clusterCodes: [],
  ...over,
});

const snapshot = (over: Partial<DistrictSnapshot> = {}): DistrictSnapshot => ({
  clusters: new Map([
    ['I', { id: 'c1', name: 'Cụm I' }],
    ['II', { id: 'c2', name: 'Cụm II' }],
  ]),
  schools: new Map(),
  users: new Map(),
  foreignEmails: new Set(),
  actorEmail: 'admin@x.vn',
  ...over,
});

const where = (plan: ReturnType<typeof planImport>) =>
  plan.problems.map((p) => `${p.sheet}!${p.column ?? ''}${p.row ?? ''}`);

describe('the words of the closed columns', () => {
  it('reads levels with or without marks, short or long', () => {
    expect(['Mầm non', 'mam non', 'MN', 'Tiểu học', 'THCS', 'Trung học cơ sở'].map(parseLevel)).toEqual([
      'PRESCHOOL',
      'PRESCHOOL',
      'PRESCHOOL',
      'PRIMARY',
      'LOWER_SECONDARY',
      'LOWER_SECONDARY',
    ]);
    expect(parseLevel('THPT')).toBeNull();
  });

  it('reads positions from the list, "Q." as acting, and nothing else', () => {
    expect(parsePosition('Trưởng phòng')).toEqual({ position: 'HEAD', acting: false });
    expect(parsePosition('Q. Trưởng phòng')).toEqual({ position: 'HEAD', acting: true });
    expect(parsePosition('phó hiệu trưởng')).toEqual({ position: 'DEPUTY_PRINCIPAL', acting: false });
    expect(parsePosition('Giáo viên/nhân viên')).toEqual({ position: 'STAFF', acting: false });
    expect(parsePosition('Tổ trưởng chuyên môn')).toEqual({ position: 'GROUP_LEADER', acting: false });
    expect(parsePosition('Kế toán')).toBeNull();
  });

  it('reads yes and no as Excel writes them', () => {
    expect(['Có', 'x', 'TRUE', '1', 'Không', '', 'FALSE'].map(parseYesNo)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(parseYesNo('hình như')).toBeNull();
    expect(fold('  Đỗ  Thị   Ánh ')).toBe('do thi anh');
  });
});

describe('planImport', () => {
  const clean = [
    schools(
      ['th-a', 'Trường Tiểu học A', 'Tiểu học', 'I', 'Xã A', '320', '11'],
      ['mn-b', 'Trường Mầm non B', 'Mầm non', 'II'],
    ),
    users(
      ['Admin@X.vn', 'Trần Văn Trưởng', 'Trưởng phòng'],
      ['pho@x.vn', 'Lê Thị Phó', 'Phó trưởng phòng', '', '', '', 'Tiểu học, THCS', 'I'],
      ['ht.a@x.vn', 'Ngô Văn Hiệu', 'Hiệu trưởng', 'Có', 'th-a'],
      ['gv.a@x.vn', 'Mai Thị Giáo', 'Giáo viên/nhân viên', '', 'th-a', 'Giáo viên Toán'],
    ),
  ];

  it('plans a clean file as creations, with lower-cased e-mails, derived titles and reviewer scopes', () => {
    const plan = planImport(clean, snapshot());
    expect(plan.problems).toEqual([]);
    expect(plan.schools.create).toEqual([
      {
        code: 'th-a',
        name: 'Trường Tiểu học A',
        level: 'PRIMARY',
        clusterCode: 'I',
        commune: 'Xã A',
        students: 320,
        classes: 11,
      },
      {
        code: 'mn-b',
        name: 'Trường Mầm non B',
        level: 'PRESCHOOL',
        clusterCode: 'II',
        commune: null,
        students: null,
        classes: null,
      },
    ]);
    expect(plan.users.create.map((u) => [u.email, u.position, u.acting, u.title, u.schoolCode])).toEqual([
      ['admin@x.vn', 'HEAD', false, 'Trưởng phòng', null],
      ['pho@x.vn', 'DEPUTY_HEAD', false, 'Phó trưởng phòng', null],
      ['ht.a@x.vn', 'PRINCIPAL', true, 'Q. Hiệu trưởng', 'th-a'],
      ['gv.a@x.vn', 'STAFF', false, 'Giáo viên Toán', 'th-a'],
    ]);
    expect(plan.users.create[1]).toMatchObject({ levels: ['LOWER_SECONDARY', 'PRIMARY'], clusterCodes: ['I'] });
  });

  it('changes nothing when the district already holds the file, and updates only what differs', () => {
    const first = planImport(clean, snapshot());
    const held = snapshot({
      schools: new Map(first.schools.create.map((s, i) => [s.code, { ...s, id: `s${i}` }])),
      users: new Map(
        first.users.create.map((u, i) => [u.email, { ...u, id: `u${i}`, active: true }] as [string, ExistingUser]),
      ),
    });
    const again = planImport(clean, held);
    expect(again.problems).toEqual([]);
    expect([again.schools, again.users].map((c) => [c.create.length, c.update.length, c.unchanged])).toEqual([
      [0, 0, 2],
      [0, 0, 4],
    ]);

    const edited = [
      schools(['th-a', 'Trường Tiểu học A (mới)', 'Tiểu học', 'II'], ['mn-b', 'Trường Mầm non B', 'Mầm non', 'II']),
      clean[1]!,
    ];
    const plan = planImport(edited, held);
    expect(plan.schools.create).toEqual([]);
    // Empty optional cells keep what the district has.
    expect(plan.schools.update).toEqual([
      expect.objectContaining({ id: 's0', name: 'Trường Tiểu học A (mới)', clusterCode: 'II', commune: 'Xã A' }),
    ]);
  });

  it('reports every kind of problem at its sheet, row and column, and plans nothing for those rows', () => {
    const plan = planImport(
      [
        sheet(
          'Cụm trường',
          ['Mã cụm *', 'Tên cụm *'],
          [
            ['III', ''],
            ['I', 'Cụm I'],
          ],
        ),
        schools(
          ['', 'Không mã', 'Tiểu học', 'I'],
          ['th-a', 'A', 'THPT', 'I'],
          ['th-a', 'A lần hai', 'Tiểu học', 'IX'],
          ['th-c', 'C', 'Tiểu học', 'I', '', '-5', '2,5'],
        ),
        users(
          ['khong-phai-email', 'X', 'Chuyên viên'],
          ['cv@x.vn', 'CV', 'Kế toán'],
          ['cv@x.vn', 'CV lần hai', 'Chuyên viên'],
          ['ht@x.vn', 'HT', 'Hiệu trưởng', '', 'th-zz'],
          ['vt@x.vn', 'VT', 'Văn thư', 'Có'],
          ['gv@x.vn', 'GV', 'Giáo viên/nhân viên'],
          ['tp1@x.vn', 'TP1', 'Trưởng phòng'],
          ['tp2@x.vn', 'TP2', 'Trưởng phòng', '', 'th-c'],
          ['ngoai@x.vn', 'Ngoài', 'Chuyên viên', '', '', '', 'Đại học', 'I'],
          ['ht1@x.vn', 'HT1', 'Hiệu trưởng', '', 'th-c'],
          ['ht2@x.vn', 'HT2', 'Hiệu trưởng', 'hình như', 'th-c'],
          ['admin@x.vn', 'Tôi', 'Chuyên viên'],
          ['', '', 'Giáo viên/nhân viên', '', 'th-c', '', 'THCS'],
        ),
      ],
      snapshot({ foreignEmails: new Set(['ngoai@x.vn']) }),
    );
    expect(where(plan)).toEqual([
      'Cụm trường!B2',
      'Trường!A2',
      'Trường!C3',
      'Trường!A4',
      'Trường!D4',
      'Trường!F5',
      'Trường!G5',
      'Người dùng!A2',
      'Người dùng!C3',
      'Người dùng!A4',
      'Người dùng!E5',
      'Người dùng!D6',
      'Người dùng!E7',
      'Người dùng!E9',
      'Người dùng!G10',
      'Người dùng!A10',
      'Người dùng!D12',
      'Người dùng!A14',
      'Người dùng!B14',
      'Người dùng!G14',
      'Người dùng!C8',
      'Người dùng!C9',
      'Người dùng!C11',
      'Người dùng!C12',
      'Người dùng!C13',
    ]);
    const text = Object.fromEntries(plan.problems.map((p) => [`${p.sheet}!${p.column}${p.row}`, p.message]));
    expect(text['Trường!A2']).toBe('Thiếu mã trường.');
    expect(text['Trường!C3']).toContain('Không có cấp học “THPT”');
    expect(text['Trường!A4']).toContain('trùng với dòng 3');
    expect(text['Trường!D4']).toContain('Không có cụm “IX”');
    expect(text['Người dùng!A4']).toContain('trùng với dòng 3');
    expect(text['Người dùng!E5']).toContain('Không có trường mã “th-zz”');
    expect(text['Người dùng!C8']).toContain('Mỗi huyện một trưởng phòng');
    expect(text['Người dùng!C11']).toContain('Trường th-c chỉ có một hiệu trưởng');
    expect(text['Người dùng!C13']).toContain('chức vụ của chính bạn');
    expect(text['Người dùng!A10']).toContain('tài khoản của một đơn vị khác');
    expect(plan.problems.every((p) => p.field && p.message.length > 10)).toBe(true);
    expect(plan.schools.create.map((s) => s.code)).toEqual([]);
    expect(plan.users.create).toEqual([]);
  });

  it('counts a head who stays in the district but is not in the file', () => {
    const plan = planImport(
      [users(['moi@x.vn', 'Trưởng phòng mới', 'Trưởng phòng'])],
      snapshot({
        users: new Map([['cu@x.vn', existingUser({ email: 'cu@x.vn', position: 'HEAD', fullName: 'Cũ' })]]),
      }),
    );
    expect(plan.problems).toEqual([
      expect.objectContaining({ column: 'C', row: 2, message: expect.stringContaining('đã có trưởng phòng Cũ') }),
    ]);
  });

  it('names a missing column at the header row and a workbook without the sheets', () => {
    const noColumn = planImport([sheet('Trường', ['Mã trường', 'Tên trường'], [['a', 'b']])], snapshot());
    expect(noColumn.problems.map((p) => [p.sheet, p.row, p.message])).toEqual([
      ['Trường', 1, 'Thiếu cột “Cấp học” ở dòng tiêu đề.'],
      ['Trường', 1, 'Thiếu cột “Cụm” ở dòng tiêu đề.'],
    ]);
    const empty = planImport([sheet('Sheet1', ['a'], [])], snapshot());
    expect(empty.problems[0]!.message).toContain('Không thấy trang “Trường” hay “Người dùng”');
  });

  it('finds a renamed sheet by its header row', () => {
    const plan = planImport([{ ...clean[0]!, name: 'Sheet1' }], snapshot());
    expect(plan.problems).toEqual([]);
    expect(plan.schools.create).toHaveLength(2);
  });
});
