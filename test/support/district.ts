import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { PrismaService } from '@duyet/database';
import { type DistrictFile, districtFileSchema, importDistrict } from '@duyet/domain';
import { openCampaign } from './campaign';
import { DEMO_PASSWORD, type Stack } from './stack';

const SAMPLE_DOMAIN = '@kienxuong.example';

export interface TestDistrict {
  id: string;
  /** the sample's address of a person, moved to this district's domain: person('truongphong') */
  person: (localPart: string) => string;
  admin: string;
  clerk: string;
  principal: (school: string) => string;
}

/**
 * A district of its own for a suite whose reminder runs are district-wide: the sample's office (admins and
 * reviewers), the chosen schools with their staff, and the catalogues, under another code and e-mail domain.
 * Names stay the sample's, so messages read the same; no other suite's campaigns join its runs.
 */
export async function importSampleDistrict(
  prisma: PrismaService,
  opts: { code: string; domain: string; schools: string[] },
): Promise<TestDistrict> {
  const sample = districtFileSchema.parse(
    JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8')),
  );
  const move = (email: string) => email.replace(SAMPLE_DOMAIN, `@${opts.domain}`);
  const file: DistrictFile = {
    ...sample,
    district: { ...sample.district, code: opts.code },
    schools: sample.schools.filter((s) => opts.schools.includes(s.code)),
    users: sample.users
      .filter((u) => !u.school || opts.schools.includes(u.school))
      .map((u) => ({ ...u, email: move(u.email) })),
  };
  // A cheap hash: these suites log many people in, and the password is the demo's anyway.
  const id = await importDistrict(prisma, file, await bcrypt.hash(DEMO_PASSWORD, 4));
  const person = (localPart: string) => `${localPart}@${opts.domain}`;
  return {
    id,
    person,
    admin: person('truongphong'),
    clerk: person('vanthu'),
    principal: (school) => person(`hieutruong.${school}`),
  };
}

/** Issues a campaign as the district's head of office (who signs it) and waits until every plan is open. */
export async function openDistrictCampaign(
  stack: Stack,
  district: TestDistrict,
  overrides: Record<string, unknown>,
): Promise<string> {
  return openCampaign(
    stack,
    { signer: { email: district.admin, title: 'Trưởng phòng' }, ...overrides },
    district.admin,
  );
}
