import type { PrismaClient } from '@duyet/database';
import type { DistrictFile } from './district-file.schema';

/**
 * Loads a district (clusters, schools, users with their reviewer scope, the section and indicator catalogues).
 * Idempotent: run it twice and nothing is duplicated. Every user gets the same password hash.
 */
export async function importDistrict(prisma: PrismaClient, file: DistrictFile, passwordHash: string): Promise<string> {
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
      role: u.role,
      title: u.title,
      schoolId: u.school ? schools.get(u.school)! : null,
    };
    const user = await prisma.user.upsert({
      where: { email: u.email },
      create: { districtId, email: u.email, passwordHash, ...data },
      update: data,
    });
    if (u.role === 'REVIEWER') {
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
    };
    await prisma.indicator.upsert({
      where: { districtId_code: { districtId, code: i.code } },
      create: { districtId, code: i.code, ...data },
      update: data,
    });
  }
  return districtId;
}
