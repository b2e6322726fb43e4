import { type AuthUser, type SchoolRef, canReadSchool } from './access';

const school: SchoolRef = { id: 's1', districtId: 'd1', clusterId: 'c1', level: 'PRIMARY' };
const user = (over: Partial<AuthUser>): AuthUser => ({
  id: 'u',
  districtId: 'd1',
  provinceId: null,
  email: 'u@x.example',
  fullName: 'U',
  title: 't',
  position: 'PRINCIPAL',
  acting: false,
  role: 'PRINCIPAL',
  schoolId: null,
  reviewLevels: [],
  reviewClusterIds: [],
  ...over,
});

describe('canReadSchool', () => {
  it('never lets a province user read a school plans, even one naming its district', () => {
    expect(canReadSchool(user({ role: 'PROVINCE', provinceId: 'p1', position: 'PROVINCE_OFFICER' }), school)).toBe(
      false,
    );
  });

  it('lets a principal or staff member read only their own school', () => {
    expect(canReadSchool(user({ role: 'PRINCIPAL', schoolId: 's1' }), school)).toBe(true);
    expect(canReadSchool(user({ role: 'SCHOOL_STAFF', schoolId: 's1' }), school)).toBe(true);
    expect(canReadSchool(user({ role: 'PRINCIPAL', schoolId: 's2' }), school)).toBe(false);
  });

  it('lets a reviewer read schools of an assigned level or cluster, and no other', () => {
    expect(canReadSchool(user({ role: 'REVIEWER', reviewLevels: ['PRIMARY'] }), school)).toBe(true);
    expect(canReadSchool(user({ role: 'REVIEWER', reviewClusterIds: ['c1'] }), school)).toBe(true);
    expect(
      canReadSchool(user({ role: 'REVIEWER', reviewLevels: ['PRESCHOOL'], reviewClusterIds: ['c2'] }), school),
    ).toBe(false);
  });

  it('keeps everyone, admins included, inside their own district', () => {
    expect(canReadSchool(user({ role: 'ADMIN' }), school)).toBe(true);
    expect(canReadSchool(user({ role: 'ADMIN', districtId: 'd2' }), school)).toBe(false);
    expect(canReadSchool(user({ role: 'CLERK', position: 'CLERK' }), school)).toBe(true);
    expect(canReadSchool(user({ role: 'CLERK', position: 'CLERK', districtId: 'd2' }), school)).toBe(false);
    expect(canReadSchool(user({ role: 'PRINCIPAL', schoolId: 's1', districtId: 'd2' }), school)).toBe(false);
    expect(canReadSchool(user({ role: 'REVIEWER', reviewLevels: ['PRIMARY'], districtId: 'd2' }), school)).toBe(false);
  });
});
