import { readFileSync } from 'node:fs';
import path from 'node:path';
import { districtFileSchema } from './district-file.schema';
import { userStanding } from './district-import';
import { POSITIONS, officeRank, positionFromTitle, positionRole } from './positions';

describe('positions', () => {
  it('derive the role: the head is the admin, the clerk a role of its own', () => {
    expect(POSITIONS.map((p) => [p, positionRole(p)])).toEqual([
      ['HEAD', 'ADMIN'],
      ['DEPUTY_HEAD', 'REVIEWER'],
      ['SPECIALIST', 'REVIEWER'],
      ['CLERK', 'CLERK'],
      ['PRINCIPAL', 'PRINCIPAL'],
      ['DEPUTY_PRINCIPAL', 'SCHOOL_STAFF'],
      ['GROUP_LEADER', 'SCHOOL_STAFF'],
      ['STAFF', 'SCHOOL_STAFF'],
    ]);
  });

  it('give the rank two-level approval reads: only the head and deputy heads rank to decide', () => {
    expect(POSITIONS.map(officeRank)).toEqual([
      'HEAD',
      'DEPUTY_HEAD',
      'SPECIALIST',
      'STAFF',
      'STAFF',
      'STAFF',
      'STAFF',
      'STAFF',
    ]);
  });
});

describe('positionFromTitle (district files written before positions)', () => {
  it.each([
    ['Trưởng phòng', 'ADMIN', 'HEAD', false],
    ['Trưởng phòng GD&ĐT', 'ADMIN', 'HEAD', false],
    ['TRƯỞNG PHÒNG', undefined, 'HEAD', false],
    ['Q. Trưởng phòng', 'ADMIN', 'HEAD', true],
    ['Quyền Trưởng phòng', undefined, 'HEAD', true],
    ['Văn thư', 'ADMIN', 'CLERK', false],
    ['Phó trưởng phòng', 'REVIEWER', 'DEPUTY_HEAD', false],
    ['Chuyên viên chính', 'REVIEWER', 'SPECIALIST', false],
    ['Hiệu trưởng', 'PRINCIPAL', 'PRINCIPAL', false],
    ['Q. Hiệu trưởng', 'PRINCIPAL', 'PRINCIPAL', true],
    ['Phó hiệu trưởng', 'SCHOOL_STAFF', 'DEPUTY_PRINCIPAL', false],
    ['Tổ trưởng chuyên môn', 'SCHOOL_STAFF', 'GROUP_LEADER', false],
    ['Giáo viên', 'SCHOOL_STAFF', 'STAFF', false],
  ] as const)('%s (%s) → %s', (title, role, position, acting) => {
    expect(positionFromTitle(title, role)).toEqual({ position, acting });
  });
});

describe('userStanding', () => {
  const base = { email: 'a@x.example', fullName: 'A', title: 'Trưởng phòng GD&ĐT' };

  it('takes the position the file gives, whatever the title says', () => {
    expect(userStanding({ ...base, position: 'HEAD', acting: true, title: 'Phó trưởng phòng phụ trách' })).toEqual({
      position: 'HEAD',
      acting: true,
      role: 'ADMIN',
    });
  });

  it('refuses a role that contradicts the position, an acting specialist and an office user with a school', () => {
    expect(() => userStanding({ ...base, position: 'CLERK', role: 'ADMIN' })).toThrow(
      /vai trò CLERK, không phải ADMIN/,
    );
    expect(() => userStanding({ ...base, position: 'SPECIALIST', acting: true })).toThrow(/dạng quyền/);
    expect(() => userStanding({ ...base, position: 'DEPUTY_HEAD', school: 'th-vu-quy' })).toThrow(/không thuộc trường/);
    expect(() => userStanding({ ...base, position: 'PRINCIPAL' })).toThrow(/cần có trường/);
  });

  it('reads the sample district: one head, one clerk, two deputy heads, four specialists, no acting', () => {
    const file = districtFileSchema.parse(
      JSON.parse(readFileSync(path.join(__dirname, '../../../../prisma/district-kien-xuong.json'), 'utf8')),
    );
    const office = file.users.filter((u) => !u.school).map((u) => [u.email.split('@')[0], userStanding(u)]);
    expect(office).toEqual([
      ['truongphong', { position: 'HEAD', acting: false, role: 'ADMIN' }],
      ['vanthu', { position: 'CLERK', acting: false, role: 'CLERK' }],
      ['pho.mamnon', { position: 'DEPUTY_HEAD', acting: false, role: 'REVIEWER' }],
      ['pho.phothong', { position: 'DEPUTY_HEAD', acting: false, role: 'REVIEWER' }],
      ...[1, 2, 3, 4].map((n) => [`chuyenvien${n}`, { position: 'SPECIALIST', acting: false, role: 'REVIEWER' }]),
    ]);
    // Each user of the sample names their position: none is left to be read from a title.
    expect(file.users.every((u) => u.position)).toBe(true);
  });
});
