import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Stack, eventually } from './stack';

const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));

export const ADMIN = 'truongphong@kienxuong.example';
export const CLERK = 'vanthu@kienxuong.example';
export const principal = (school: string) => `hieutruong.${school}@kienxuong.example`;
export const staff = (school: string) => `phohieutruong.${school}@kienxuong.example`;

/** A campaign body built on the sample's nam-2022, with what a test needs changed. */
export function campaignBody(overrides: Record<string, unknown>): Record<string, unknown> {
  const base = sample.campaigns.find((c: { key: string }) => c.key === 'nam-2022');
  return { ...base, ...overrides };
}

/** Issues a campaign as the head of the office and waits until every plan's workflow has started. */
export async function openCampaign(stack: Stack, overrides: Record<string, unknown>, admin = ADMIN): Promise<string> {
  const res = await stack
    .http()
    .post('/api/campaigns')
    .set(await bearer(stack, admin))
    .send(campaignBody(overrides));
  if (res.status !== 201) throw new Error(`campaign not created: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  await eventually(
    async () => (await stack.prisma.campaign.findUniqueOrThrow({ where: { id } })).plansOpenedAt ?? undefined,
    30_000,
    'the campaign workflow to open every plan',
  );
  return id;
}

export async function bearer(stack: Stack, email: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await stack.login(email)}` };
}

export async function planIdOf(stack: Stack, campaignId: string, school: string): Promise<string> {
  const plan = await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } });
  return plan.id;
}

/** A complete draft of a primary school's plan for the sample's nam-2022 campaign: it passes every content check. */
export const PRIMARY_DRAFT = {
  sections: {
    purpose: 'Nâng cao chất lượng giáo dục toàn diện, đáp ứng yêu cầu đổi mới.',
    targets: 'Duy trì tỷ lệ học sinh hoàn thành chương trình lớp học trên 99%.',
    tasks: 'Đổi mới phương pháp dạy học; bồi dưỡng đội ngũ; tăng cường cơ sở vật chất.',
    organisation: 'Hiệu trưởng chỉ đạo chung; các tổ chuyên môn triển khai theo tháng.',
  },
  indicators: {
    TH_QUALITIES_GOOD: { baseline: 99.5, target: 99.8 },
    TH_LEARNING_DONE: { baseline: 99, target: 99.5 },
    SWIM_CERT: { baseline: 10, target: 15 },
    STAFF_PARTY_RATE: { baseline: 60, target: 65 },
    STAFF_QUALIFIED: { baseline: 80, target: 85 },
  },
};
