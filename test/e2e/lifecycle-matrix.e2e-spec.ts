// DOMAIN.md's "who may do what", over HTTP against the real stack: every move of a plan's life, tried by every
// kind of user (own school, another school, a reviewer in and out of scope, the office, another district).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { Test } from 'supertest';
import { ADMIN, bearer, openCampaign, planIdOf, principal, staff } from '../support/campaign';
import { DEMO_PASSWORD, type Stack, startStack } from '../support/stack';

const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));
const SCHOOLS: { code: string; level: string }[] = sample.schools;

// The deputy head of the school's level reviews it; the other deputy head is out of scope.
const PRESCHOOL_DEPUTY = 'pho.mamnon@kienxuong.example';
const GENERAL_DEPUTY = 'pho.phothong@kienxuong.example';
const levelOf = (school: string) => SCHOOLS.find((s) => s.code === school)?.level;
const reviewerOf = (school: string) => (levelOf(school) === 'PRESCHOOL' ? PRESCHOOL_DEPUTY : GENERAL_DEPUTY);
const outsiderOf = (school: string) => (levelOf(school) === 'PRESCHOOL' ? GENERAL_DEPUTY : PRESCHOOL_DEPUTY);
const OTHER_DISTRICT_ADMIN = 'truongphong@vuthu.example';
const DRAFT = { sections: { purpose: 'Mục đích rõ ràng.', tasks: 'Nhiệm vụ và giải pháp cụ thể.' }, indicators: {} };
const FUTURE = '2099-01-15T17:00:00+07:00';

/** The people of the matrix; P, S and R are relative to the plan's school. */
type Who = 'P' | 'S' | 'P2' | 'R' | 'R2' | 'A' | 'X';
const WHO: Who[] = ['P', 'S', 'P2', 'R', 'R2', 'A', 'X'];

interface Move {
  allowed: Who[];
  /** brings a fresh plan into the state the move starts from */
  prepare: string[];
  call: (http: Stack['http'], planId: string) => Test;
  status: string;
}

describe('who may do what, for every move', () => {
  let stack: Stack;
  let campaignId: string;
  let otherSchool: string;
  const free = SCHOOLS.map((s) => s.code);
  let reassignTo: string;

  const emailOf = (who: Who, school: string): string =>
    ({
      P: principal(school),
      S: staff(school),
      P2: principal(otherSchool),
      R: reviewerOf(school),
      R2: outsiderOf(school),
      A: ADMIN,
      X: OTHER_DISTRICT_ADMIN,
    })[who];

  const steps: Record<string, (planId: string, school: string) => Promise<void>> = {
    draft: async (id, school) => {
      await stack
        .http()
        .put(`/api/plans/${id}/draft`)
        .set(await bearer(stack, principal(school)))
        .send(DRAFT)
        .expect(200);
    },
    submit: async (id, school) => {
      await stack
        .http()
        .post(`/api/plans/${id}/submit`)
        .set(await bearer(stack, principal(school)))
        .expect(200);
    },
    approve: async (id, school) => {
      await stack
        .http()
        .post(`/api/plans/${id}/approve`)
        .set(await bearer(stack, reviewerOf(school)))
        .send({})
        .expect(200);
    },
  };

  const MOVES: Record<string, Move> = {
    'read the plan': {
      allowed: ['P', 'S', 'R', 'A'],
      prepare: [],
      call: (h, id) => h().get(`/api/plans/${id}`),
      status: 'NOT_STARTED',
    },
    'save the draft': {
      allowed: ['P', 'S'],
      prepare: [],
      call: (h, id) => h().put(`/api/plans/${id}/draft`).send(DRAFT),
      status: 'DRAFTING',
    },
    submit: {
      allowed: ['P'],
      prepare: ['draft'],
      call: (h, id) => h().post(`/api/plans/${id}/submit`),
      status: 'SUBMITTED',
    },
    withdraw: {
      allowed: ['P'],
      prepare: ['draft', 'submit'],
      call: (h, id) => h().post(`/api/plans/${id}/withdraw`),
      status: 'DRAFTING',
    },
    'start the review': {
      allowed: ['R', 'A'],
      prepare: ['draft', 'submit'],
      call: (h, id) => h().post(`/api/plans/${id}/start-review`),
      status: 'UNDER_REVIEW',
    },
    comment: {
      allowed: ['R', 'A'],
      prepare: ['draft', 'submit'],
      call: (h, id) =>
        h()
          .post(`/api/plans/${id}/comments`)
          .send({ anchorType: 'SECTION', anchorKey: 'tasks', body: 'Bổ sung giải pháp.' }),
      status: 'SUBMITTED',
    },
    approve: {
      allowed: ['R', 'A'],
      prepare: ['draft', 'submit'],
      call: (h, id) => h().post(`/api/plans/${id}/approve`).send({}),
      status: 'APPROVED',
    },
    'return for revision': {
      allowed: ['R', 'A'],
      prepare: ['draft', 'submit'],
      call: (h, id) => h().post(`/api/plans/${id}/return`).send({ comment: 'Cần bổ sung chỉ tiêu.' }),
      status: 'RETURNED',
    },
    exempt: {
      allowed: ['A'],
      prepare: [],
      call: (h, id) => h().post(`/api/plans/${id}/exempt`).send({ reason: 'Trường sáp nhập' }),
      status: 'EXEMPTED',
    },
    reopen: {
      allowed: ['A'],
      prepare: ['draft', 'submit', 'approve'],
      call: (h, id) => h().post(`/api/plans/${id}/reopen`).send({ reason: 'Điều chỉnh cuối giai đoạn 1' }),
      status: 'DRAFTING',
    },
    'reassign the reviewer': {
      allowed: ['A'],
      prepare: [],
      call: (h, id) => h().post(`/api/plans/${id}/reviewer`).send({ reviewerId: reassignTo }),
      status: 'NOT_STARTED',
    },
    'extend the deadline': {
      allowed: ['A'],
      prepare: [],
      call: (h, id) => h().post(`/api/plans/${id}/deadline`).send({ until: FUTURE, reason: 'Trường bị ngập lụt' }),
      status: 'NOT_STARTED',
    },
  };

  beforeAll(async () => {
    stack = await startStack();
    otherSchool = free.pop() as string;
    campaignId = await openCampaign(stack, {
      key: 'matrix',
      documentNumber: '01/KH-MATRIX',
      targetLevels: ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'],
      requiredSections: ['purpose', 'tasks'],
      requiredIndicators: [],
      submissionDeadline: FUTURE,
    });
    reassignTo = (await stack.prisma.user.findUniqueOrThrow({ where: { email: 'chuyenvien2@kienxuong.example' } })).id;
    // A second district, with its own head of office: nothing of Kiến Xương may be visible to them.
    const district = await stack.prisma.district.create({
      data: { code: 'vu-thu', name: 'Vũ Thư', province: 'Thái Bình', officeName: 'Phòng GD&ĐT Vũ Thư' },
    });
    await stack.prisma.user.create({
      data: {
        districtId: district.id,
        email: OTHER_DISTRICT_ADMIN,
        fullName: 'Trần Văn Khải',
        passwordHash: await bcrypt.hash(DEMO_PASSWORD, 4),
        role: 'ADMIN',
        position: 'HEAD',
        title: 'Trưởng phòng',
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const prepared = async (move: Move): Promise<{ planId: string; school: string }> => {
    const school = free.shift();
    if (!school) throw new Error('no school left for the matrix');
    const planId = await planIdOf(stack, campaignId, school);
    for (const step of move.prepare) await steps[step](planId, school);
    return { planId, school };
  };

  const tryAs = async (move: Move, who: Who, planId: string, school: string) =>
    move.call(stack.http, planId).set(await bearer(stack, emailOf(who, school)));

  describe.each(Object.entries(MOVES))('%s', (_name, move) => {
    it('is refused to everyone else, with nothing changed', async () => {
      const { planId, school } = await prepared(move);
      const before = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      const events = await stack.prisma.auditEvent.count({ where: { planId } });
      for (const who of WHO.filter((w) => !move.allowed.includes(w))) {
        const res = await tryAs(move, who, planId, school);
        // Another district's admin is refused by role where an admin may not act at all; where an admin may,
        // the plan is simply not found: they do not even learn that it exists.
        const expected = who === 'X' && move.allowed.includes('A') ? 404 : 403;
        expect([who, res.status]).toEqual([who, expected]);
        expect(JSON.stringify(res.body)).not.toContain(school);
        expect(typeof res.body.message).toBe('string');
      }
      const after = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(after.status).toBe(before.status);
      expect(after.updatedAt).toEqual(before.updatedAt);
      expect(await stack.prisma.auditEvent.count({ where: { planId } })).toBe(events);
    });

    it.each(move.allowed)('is allowed to %s', async (who) => {
      const { planId, school } = await prepared(move);
      const res = await tryAs(move, who, planId, school);
      expect([200, 201]).toContain(res.status);
      const plan = await stack.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
      expect(plan.status).toBe(move.status);
    });
  });

  it('keeps each list inside its district and scope', async () => {
    const other = await stack
      .http()
      .get(`/api/plans?campaignId=${campaignId}`)
      .set(await bearer(stack, OTHER_DISTRICT_ADMIN));
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    const preschool = await stack
      .http()
      .get(`/api/plans?campaignId=${campaignId}&pageSize=200`)
      .set(await bearer(stack, PRESCHOOL_DEPUTY));
    expect(preschool.body.total).toBe(SCHOOLS.filter((s) => s.level === 'PRESCHOOL').length);
    expect(new Set(preschool.body.items.map((p: { school: { level: string } }) => p.school.level))).toEqual(
      new Set(['PRESCHOOL']),
    );
    const cluster = await stack
      .http()
      .get(`/api/plans?campaignId=${campaignId}&pageSize=200`)
      .set(await bearer(stack, 'chuyenvien1@kienxuong.example'));
    expect(new Set(cluster.body.items.map((p: { school: { cluster: string } }) => p.school.cluster))).toEqual(
      new Set(['I']),
    );
  });
});
