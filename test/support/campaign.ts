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
