// Only a type is imported: prisma/seed.ts runs this without path aliases.
import type { PrismaClient } from '@duyet/database';

/** A province and its department's readers, as the sample data (and a real province's set-up) writes them. */
export interface ProvinceFile {
  code: string;
  name: string;
  officeName: string;
  /** codes of the districts it groups (they must exist already) */
  districts: string[];
  users: { email: string; fullName: string; title: string }[];
}

/** The sample's province: the sample district's own (Tỉnh Thái Bình), with one reader of its department. */
export const SAMPLE_PROVINCE: ProvinceFile = {
  code: 'thai-binh',
  name: 'Tỉnh Thái Bình',
  officeName: 'Sở Giáo dục và Đào tạo tỉnh Thái Bình',
  districts: ['kien-xuong'],
  users: [
    {
      email: 'so.gddt@thaibinh.example',
      fullName: 'Phạm Thị Thu Hà',
      title: 'Chuyên viên Phòng GDMN - GDTH, Sở GD&ĐT',
    },
  ],
};

/** Writes the province, links its districts and upserts its users (role PROVINCE, no district). Idempotent. */
export async function importProvince(prisma: PrismaClient, file: ProvinceFile, passwordHash: string): Promise<string> {
  const data = { name: file.name, officeName: file.officeName };
  const province = await prisma.province.upsert({
    where: { code: file.code },
    create: { code: file.code, ...data },
    update: data,
  });
  await prisma.district.updateMany({ where: { code: { in: file.districts } }, data: { provinceId: province.id } });
  for (const u of file.users) {
    const person = {
      fullName: u.fullName,
      title: u.title,
      role: 'PROVINCE' as const,
      position: 'PROVINCE_OFFICER' as const,
      provinceId: province.id,
      districtId: null,
      schoolId: null,
    };
    await prisma.user.upsert({
      where: { email: u.email },
      create: { email: u.email, passwordHash, ...person },
      update: person,
    });
  }
  return province.id;
}
