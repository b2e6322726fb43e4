// Loads the sample district (Huyện Kiến Xương: 60 schools, 4 clusters, 128 users) and its province (Thái Bình, one
// reader of its Sở GD&ĐT). Idempotent.
// Runtime imports are relative on purpose: this runs under plain @swc-node/register, without path aliases.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import bcrypt from 'bcryptjs';
import { PrismaClient } from '../generated/prisma/client';
import { importDistrict } from '../libs/domain/src/people/district-import';
import { districtFileSchema } from '../libs/domain/src/people/district-file.schema';
import { SAMPLE_PROVINCE, importProvince } from '../libs/domain/src/province/province-seed';

export const SAMPLE_DISTRICT_FILE = path.join(__dirname, 'district-kien-xuong.json');
export const DEMO_PASSWORD = process.env.SEED_PASSWORD ?? 'Duyet@2026';

export async function seed(databaseUrl: string, password = DEMO_PASSWORD): Promise<string> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    const file = districtFileSchema.parse(JSON.parse(readFileSync(SAMPLE_DISTRICT_FILE, 'utf8')));
    const hash = await bcrypt.hash(password, 10);
    const districtId = await importDistrict(prisma, file, hash);
    // Its province (Sở GD&ĐT Thái Bình) and the department's reader, so.gddt@thaibinh.example.
    await importProvince(prisma, SAMPLE_PROVINCE, hash);
    return districtId;
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  seed(url).then(
    (id) => console.log(`Sample district loaded (${id}).`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
