import type { Position, PrismaClient, Role } from '@duyet/database';
import type { DistrictFile } from './district-file.schema';
import { POSITION_LABEL, isOfficePosition, mayAct, positionFromTitle, positionRole } from './positions';

type FileUser = DistrictFile['users'][number];

/**
 * A user's position, acting flag and role as the file gives them: the position itself, or (a file written before
 * positions) the one its title names; the role always follows the position. A file that contradicts itself is refused.
 */
export function userStanding(u: FileUser): { position: Position; acting: boolean; role: Role } {
  const fromTitle = u.position ? null : positionFromTitle(u.title, u.role);
  const position = u.position ?? fromTitle!.position;
  const acting = u.acting ?? fromTitle?.acting ?? false;
  const role = positionRole(position);
  const problem = (text: string) => new Error(`Tệp huyện, người dùng ${u.email}: ${text}`);
  if (u.role && u.role !== role) {
    throw problem(`chức vụ ${POSITION_LABEL[position]} (${position}) mang vai trò ${role}, không phải ${u.role}.`);
  }
  if (acting && !mayAct(position)) {
    throw problem(
      `chỉ trưởng phòng hoặc hiệu trưởng mới giữ chức vụ ở dạng quyền (Q.), không phải ${POSITION_LABEL[position]}.`,
    );
  }
  if (isOfficePosition(position) === !!u.school) {
    throw problem(
      isOfficePosition(position)
        ? `${POSITION_LABEL[position]} là cán bộ Phòng, không thuộc trường nào.`
        : `${POSITION_LABEL[position]} cần có trường (school).`,
    );
  }
  return { position, acting, role };
}

/**
 * Loads a district (clusters, schools, users with their reviewer scope, the section and indicator catalogues).
 * Idempotent: run it twice and nothing is duplicated. Every user gets the same password hash. Every user is checked
 * before anything is written.
 */
export async function importDistrict(prisma: PrismaClient, file: DistrictFile, passwordHash: string): Promise<string> {
  const standings = new Map(file.users.map((u) => [u.email, userStanding(u)] as const));
  const d = file.district;
  const district = await prisma.district.upsert({
    where: { code: d.code },
    create: { code: d.code, name: d.name, province: d.province, officeName: d.office, timezone: d.timezone },
    update: { name: d.name, province: d.province, officeName: d.office, timezone: d.timezone },
  });
  const districtId = district.id;

  for (const c of file.clusters) {
    await prisma.cluster.upsert({
      where: { districtId_code: { districtId, code: c.code } },
      create: { districtId, code: c.code, name: c.name },
      update: { name: c.name },
    });
  }
  const clusters = new Map(
    (await prisma.cluster.findMany({ where: { districtId } })).map((c) => [c.code, c.id] as const),
  );

  for (const s of file.schools) {
    const data = {
      name: s.name,
      level: s.level,
      clusterId: clusters.get(s.cluster)!,
      commune: s.commune,
      students: s.students,
      classes: s.classes,
    };
    await prisma.school.upsert({
      where: { districtId_code: { districtId, code: s.code } },
      create: { districtId, code: s.code, ...data },
      update: data,
    });
  }
  const schools = new Map(
    (await prisma.school.findMany({ where: { districtId } })).map((s) => [s.code, s.id] as const),
  );

  for (const u of file.users) {
    const data = {
      fullName: u.fullName,
      ...standings.get(u.email)!,
      title: u.title,
      schoolId: u.school ? schools.get(u.school)! : null,
    };
    const user = await prisma.user.upsert({
      where: { email: u.email },
      create: { districtId, email: u.email, passwordHash, ...data },
      update: data,
    });
    if (data.role === 'REVIEWER') {
      await prisma.reviewerAssignment.deleteMany({ where: { reviewerId: user.id } });
      await prisma.reviewerAssignment.createMany({
        data: [
          ...(u.levels ?? []).map((level) => ({ reviewerId: user.id, level })),
          ...(u.clusters ?? []).map((code) => ({ reviewerId: user.id, clusterId: clusters.get(code)! })),
        ],
      });
    }
  }

  for (const [position, s] of file.sections.entries()) {
    await prisma.sectionTemplate.upsert({
      where: { districtId_key: { districtId, key: s.key } },
      create: { districtId, key: s.key, title: s.title, required: s.required, position },
      update: { title: s.title, required: s.required, position },
    });
  }
  for (const i of file.indicators) {
    const data = {
      label: i.label,
      unit: i.unit,
      level: i.level,
      direction: i.better,
      targetMin: i.districtTarget.min ?? null,
      targetMax: i.districtTarget.max ?? null,
      rollup: i.rollup,
      weight: i.weight,
    };
    await prisma.indicator.upsert({
      where: { districtId_code: { districtId, code: i.code } },
      create: { districtId, code: i.code, ...data },
      update: data,
    });
  }
  return districtId;
}
