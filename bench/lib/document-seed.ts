// Direct SQL seeding for the documents bench: a campaign with its plans, versions and approvals written straight
// into the tables (no workflow runs), so a 50,000-school campaign is there in seconds.
import type { PrismaClient } from '../../generated/prisma/client';

/** The indicators the seeded campaign requires (the sample's nam-2022 list). */
export const BENCH_INDICATORS = [
  'MN_ENROL_KINDER',
  'MN_STUNTING',
  'TH_QUALITIES_GOOD',
  'TH_LEARNING_DONE',
  'THCS_CONDUCT_GOOD',
  'THCS_ACADEMIC_GOOD',
  'THCS_ACADEMIC_WEAK',
  'THCS_GRADUATION',
  'SWIM_CERT',
  'STAFF_PARTY_RATE',
  'STAFF_QUALIFIED',
];

/** `count` schools in the district's clusters, levels in turn, codes `<prefix>-000001`… */
export async function seedSchools(prisma: PrismaClient, districtId: string, prefix: string, count: number) {
  await prisma.$executeRaw`
    INSERT INTO "School" (id, "districtId", "clusterId", code, name, level, students)
    SELECT gen_random_uuid(), ${districtId}::uuid, c.ids[1 + g % array_length(c.ids, 1)],
           ${prefix} || '-' || lpad(g::text, 6, '0'), 'Trường số ' || g,
           (ARRAY['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY']::"SchoolLevel"[])[1 + g % 3], 300 + g % 700
    FROM generate_series(1, ${count}::int) g,
         (SELECT array_agg(id ORDER BY code) AS ids FROM "Cluster" WHERE "districtId" = ${districtId}::uuid) c`;
}

/**
 * A campaign over every open school of the district, issued by `adminId`: three plans in five approved (version 1
 * with a target per indicator, a final approval), the rest being drafted.
 */
export async function seedCampaign(
  prisma: PrismaClient,
  opts: { districtId: string; adminId: string; key: string; documentNumber: string },
): Promise<string> {
  const sections = await prisma.sectionTemplate.findMany({ where: { districtId: opts.districtId } });
  const campaign = await prisma.campaign.create({
    data: {
      districtId: opts.districtId,
      key: opts.key,
      documentNumber: opts.documentNumber,
      title: 'Kế hoạch thực hiện nhiệm vụ năm học 2027 - 2028',
      legalBases: [],
      issuedOn: new Date('2027-08-05'),
      periodFrom: new Date('2027-09-01'),
      periodTo: new Date('2028-05-31'),
      targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
      targetClusters: [],
      sections: sections.map((s) => ({ key: s.key, title: s.title, required: s.required })),
      requiredIndicators: BENCH_INDICATORS,
      submissionDeadline: new Date('2027-09-20T10:00:00Z'),
      workflowId: `bench:${opts.key}`,
      createdById: opts.adminId,
      signerId: opts.adminId,
      signerTitle: 'TRƯỞNG PHÒNG',
      distribution: ['Như trên;', 'Lưu: VT.'],
      plansOpenedAt: new Date(),
    },
  });
  const id = campaign.id;
  await prisma.$executeRaw`
    INSERT INTO "Plan" (id, "districtId", "campaignId", "schoolId", status, "workflowId", "currentVersionNo", "updatedAt")
    SELECT gen_random_uuid(), ${opts.districtId}::uuid, ${id}::uuid, s.id,
           (CASE WHEN row_number() OVER (ORDER BY s.code) % 5 < 3 THEN 'APPROVED' ELSE 'DRAFTING' END)::"PlanStatus",
           'bench:' || ${id} || ':' || s.id,
           CASE WHEN row_number() OVER (ORDER BY s.code) % 5 < 3 THEN 1 ELSE 0 END, now()
    FROM "School" s WHERE s."districtId" = ${opts.districtId}::uuid AND s."closedAt" IS NULL`;
  const indicators = BENCH_INDICATORS.map(
    (code, i) =>
      `'${code}', jsonb_build_object('baseline', 80 + ${i}, 'target', round((85 + random() * 15)::numeric, 1))`,
  ).join(', ');
  await prisma.$executeRawUnsafe(
    `INSERT INTO "PlanVersion" (id, "planId", number, sections, indicators, "submittedById")
     SELECT gen_random_uuid(), p.id, 1, '{"purpose": "Nâng cao chất lượng giáo dục."}'::jsonb,
            jsonb_build_object(${indicators}), $1::uuid
     FROM "Plan" p WHERE p."campaignId" = $2::uuid AND p.status = 'APPROVED'`,
    opts.adminId,
    id,
  );
  await prisma.$executeRaw`
    INSERT INTO "Decision" (id, "planId", "versionId", kind, "decidedById", capacity, "deciderName", final)
    SELECT gen_random_uuid(), v."planId", v.id, 'APPROVE'::"DecisionKind", ${opts.adminId}::uuid, 'TRƯỞNG PHÒNG',
           'Bench', true
    FROM "PlanVersion" v JOIN "Plan" p ON p.id = v."planId" WHERE p."campaignId" = ${id}::uuid`;
  await prisma.$executeRawUnsafe('ANALYZE "School", "Plan", "PlanVersion", "Decision"');
  return id;
}
