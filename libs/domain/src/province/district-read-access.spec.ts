import type { Role } from '@duyet/database';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { NO_ID } from '../plans/access';
import { DistrictReadAccess, districtReadVerdict } from './district-read-access';

const THAI_BINH = 'aaaaaaaa-0000-4000-8000-000000000001';
const NAM_DINH = 'aaaaaaaa-0000-4000-8000-000000000002';
const KIEN_XUONG = { id: 'dddddddd-0000-4000-8000-000000000001', provinceId: THAI_BINH };
const TIEN_HAI = { id: 'dddddddd-0000-4000-8000-000000000002', provinceId: THAI_BINH };
const HAI_HAU = { id: 'dddddddd-0000-4000-8000-000000000003', provinceId: NAM_DINH };
const LONE = { id: 'dddddddd-0000-4000-8000-000000000004', provinceId: null };

const user = (role: Role, over: Partial<AuthUser> = {}): AuthUser => ({
  id: 'uuuuuuuu-0000-4000-8000-000000000001',
  districtId: KIEN_XUONG.id,
  provinceId: null,
  email: 'x@example.vn',
  fullName: 'X',
  title: 'X',
  position: 'HEAD',
  acting: false,
  role,
  schoolId: null,
  reviewLevels: [],
  reviewClusterIds: [],
  ...over,
});
const province = user('PROVINCE', { districtId: NO_ID, provinceId: THAI_BINH, position: 'PROVINCE_OFFICER' });

describe('districtReadVerdict: who reads a district summaries', () => {
  it('lets a province user read every district of its province, and no other', () => {
    expect(districtReadVerdict(province, KIEN_XUONG)).toEqual({ ok: true, via: 'PROVINCE' });
    expect(districtReadVerdict(province, TIEN_HAI)).toEqual({ ok: true, via: 'PROVINCE' });
    expect(districtReadVerdict(province, HAI_HAU)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(districtReadVerdict(province, LONE)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('never lets a province user without a province through, even to a district without one', () => {
    const orphan = { ...province, provinceId: null };
    expect(districtReadVerdict(orphan, LONE)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(districtReadVerdict(orphan, KIEN_XUONG)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('lets an admin or a reviewer read their own district only', () => {
    expect(districtReadVerdict(user('ADMIN'), KIEN_XUONG)).toEqual({ ok: true, via: 'OFFICE' });
    expect(districtReadVerdict(user('REVIEWER', { position: 'DEPUTY_HEAD' }), KIEN_XUONG)).toEqual({
      ok: true,
      via: 'OFFICE',
    });
    // A neighbouring district of the same province is not theirs: they do not learn it exists.
    expect(districtReadVerdict(user('ADMIN'), TIEN_HAI)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses a school or the clerk in their own district unless the route names their role', () => {
    expect(districtReadVerdict(user('PRINCIPAL'), KIEN_XUONG)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(districtReadVerdict(user('SCHOOL_STAFF'), KIEN_XUONG)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(districtReadVerdict(user('CLERK'), KIEN_XUONG)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(districtReadVerdict(user('CLERK'), KIEN_XUONG, ['ADMIN', 'CLERK'])).toEqual({ ok: true, via: 'OFFICE' });
    expect(districtReadVerdict(user('PRINCIPAL'), TIEN_HAI)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });

  it('answers not found for a district that does not exist, whoever asks', () => {
    expect(districtReadVerdict(province, null)).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(districtReadVerdict(user('ADMIN'), null)).toEqual({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('DistrictReadAccess', () => {
  const districts = new Map(
    [KIEN_XUONG, TIEN_HAI, HAI_HAU].map((d) => [
      d.id,
      {
        ...d,
        code: d.id.slice(-1),
        name: `Huyện ${d.id.slice(-1)}`,
        province: 'Tỉnh',
        officeName: 'Phòng',
        timezone: 'Asia/Ho_Chi_Minh',
      },
    ]),
  );
  const campaigns = new Map([
    ['cccccccc-0000-4000-8000-000000000001', { id: 'cccccccc-0000-4000-8000-000000000001', districtId: HAI_HAU.id }],
  ]);
  // The database is the one thing crossing a process boundary: a map stands in for its two reads.
  const prisma = {
    district: {
      findUnique: ({ where }: { where: { id: string } }) => Promise.resolve(districts.get(where.id) ?? null),
    },
    campaign: {
      findUnique: ({ where }: { where: { id: string } }) => Promise.resolve(campaigns.get(where.id) ?? null),
      findFirst: ({ where }: { where: { id: string; districtId: string } }) => {
        const c = campaigns.get(where.id);
        return Promise.resolve(c && c.districtId === where.districtId ? c : null);
      },
    },
  };
  const access = new DistrictReadAccess(prisma as never);
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'OK';
    } catch (err) {
      return err instanceof DomainError ? err.code : String(err);
    }
  };

  it('returns the district with how it is read, and throws 404 / 403 otherwise', async () => {
    await expect(access.districtFor(province, TIEN_HAI.id)).resolves.toMatchObject({
      id: TIEN_HAI.id,
      via: 'PROVINCE',
    });
    await expect(access.districtFor(user('ADMIN'), KIEN_XUONG.id)).resolves.toMatchObject({ via: 'OFFICE' });
    expect(await codeOf(access.districtFor(province, HAI_HAU.id))).toBe('NOT_FOUND');
    expect(await codeOf(access.districtFor(user('PRINCIPAL'), KIEN_XUONG.id))).toBe('FORBIDDEN');
    expect(await codeOf(access.districtFor(province, 'dddddddd-0000-4000-8000-00000000ffff'))).toBe('NOT_FOUND');
  });

  it('hides another province campaign as not found, by its id alone or under a district', async () => {
    const id = 'cccccccc-0000-4000-8000-000000000001';
    expect(await codeOf(access.campaignFor(province, id))).toBe('NOT_FOUND');
    expect(await codeOf(access.campaignOf(province, KIEN_XUONG.id, id))).toBe('NOT_FOUND');
    const hers = user('PROVINCE', { districtId: NO_ID, provinceId: NAM_DINH, position: 'PROVINCE_OFFICER' });
    await expect(access.campaignFor(hers, id)).resolves.toMatchObject({ district: { id: HAI_HAU.id } });
  });
});
