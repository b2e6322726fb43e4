// Gives the demo plans at every stage, through the API as the people themselves would: in the Đề án directive
// (de-an-2017), two thirds of the schools' principals write and submit their plan; the office head approves most of
// them, returns two with a comment and leaves a few waiting in the reviewers' queue; the rest of the schools have not
// submitted (the overdue board). The consolidation, its report and the documents then have approved plans to work on.
// Safe to run again: a plan already past its draft is left as it is, and approvals only touch plans still waiting.
// Sign-ins are paced under the API's per-address limit (60 a minute), leaving room for the person who opens the app.
const fs = require('node:fs');
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');

const CAMPAIGN = 'de-an-2017';
const SUBMITTING = 40; // of the 60 schools
const RETURNED = 2; // of those submitted, returned for revision
const WAITING = 6; // of those submitted, left for the reviewers
const SIGN_IN_GAP_MS = 1_100;

const SECTION_TEXT = {
  purpose:
    'Nâng cao chất lượng đội ngũ cán bộ quản lý, giáo viên và chất lượng bồi dưỡng học sinh giỏi của nhà trường.',
  situation:
    'Nhà trường có đội ngũ giáo viên đạt chuẩn, cơ sở vật chất cơ bản đáp ứng yêu cầu; một số phòng học bộ môn còn thiếu.',
  targets: 'Phấn đấu đạt và vượt các chỉ tiêu của huyện giao cho giai đoạn 2017 - 2020.',
  tasks:
    'Bồi dưỡng thường xuyên theo chuyên đề; tổ chức dạy học phân hóa; xây dựng đội tuyển học sinh giỏi từ đầu năm học.',
  assignment: 'Hiệu trưởng phụ trách chung; Phó hiệu trưởng phụ trách chuyên môn; tổ trưởng triển khai theo tháng.',
  organisation: 'Sơ kết học kỳ, tổng kết năm học; báo cáo Phòng GD&ĐT theo quy định.',
  proposals: 'Đề nghị Phòng GD&ĐT tổ chức bồi dưỡng chuyên đề cho giáo viên cốt cán.',
};

/** A number from 0 to 1 that depends only on the text: the same school gets the same figures every run. */
function unit(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A plausible baseline and target for one school: most meet the district's target, a few fall short. */
function figures(indicator, school) {
  const r = unit(`${school.code}:${indicator.code}`);
  if (indicator.code === 'STUDENTS') return { baseline: school.students ?? 300, target: school.students ?? 300 };
  if (indicator.code === 'CLASSES') {
    const classes = school.classes ?? Math.max(5, Math.round((school.students ?? 300) / 32));
    return { baseline: classes, target: classes };
  }
  const min = indicator.targetMin ?? null;
  const max = indicator.targetMax ?? null;
  const short = r < 0.12; // about one school in eight aims below the district's target
  if (indicator.direction === 'LOWER' && max != null) {
    const target = short ? round(max * 1.2) : round(max * (0.4 + 0.6 * r));
    return { baseline: round(target * 1.15), target };
  }
  if (min != null && max != null) {
    const target = short ? round(min * 0.85) : round(min + (max - min) * r);
    return { baseline: round(target * 0.9), target };
  }
  if (min != null) {
    const target = short ? round(min * 0.95) : round(Math.min(100, min + (100 - min) * r * 0.8));
    return { baseline: round(target * 0.97), target };
  }
  return { baseline: round(50 + 30 * r), target: round(55 + 30 * r) };
}

async function main(base) {
  const sample = JSON.parse(fs.readFileSync(path.join(__dirname, '../prisma/district-kien-xuong.json'), 'utf8'));
  const password = process.env.SEED_PASSWORD ?? 'Duyet@2026';
  const schools = new Map(sample.schools.map((s) => [s.code, s]));

  const call = async (token, method, url, body) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const signIn = async (email) => {
    const { accessToken } = await call(undefined, 'POST', '/auth/login', { email, password }).catch((err) => {
      throw new Error(`sign-in of ${email}: ${err.message}`);
    });
    await sleep(SIGN_IN_GAP_MS);
    return accessToken;
  };

  const head = await signIn('truongphong@kienxuong.example');
  const campaigns = await call(head, 'GET', '/campaigns');
  const campaign = (campaigns.items ?? campaigns).find((c) => c.key === CAMPAIGN);
  if (!campaign) throw new Error(`campaign ${CAMPAIGN} not found`);
  // the campaign's workflow opens its plans in batches just after issuing: wait until every school has one
  let plans = [];
  for (let tries = 0; ; tries++) {
    plans = [];
    for (let page = 1; ; page++) {
      const res = await call(head, 'GET', `/plans?campaignId=${campaign.id}&page=${page}&pageSize=100`);
      plans.push(...res.items);
      if (plans.length >= res.total || res.items.length === 0) break;
    }
    if (plans.length >= SUBMITTING || tries === 60) break;
    await sleep(1_000);
  }
  plans.sort((a, b) => a.school.code.localeCompare(b.school.code));
  // two schools in every three, so that each level and cluster has plans at every stage
  const chosen = plans.filter((_, i) => i % 3 !== 2).slice(0, SUBMITTING);

  let submitted = 0;
  for (const plan of chosen) {
    if (!['NOT_STARTED', 'DRAFTING'].includes(plan.status)) continue;
    const token = await signIn(`hieutruong.${plan.school.code}@kienxuong.example`);
    const form = await call(token, 'GET', `/plans/${plan.id}/form`);
    const school = schools.get(plan.school.code) ?? { code: plan.school.code };
    const sections = Object.fromEntries(form.sections.map((s) => [s.key, SECTION_TEXT[s.key] ?? 'Theo kế hoạch.']));
    const indicators = Object.fromEntries(
      form.indicators.filter((i) => i.required).map((i) => [i.code, figures(i, school)]),
    );
    await call(token, 'PUT', `/plans/${plan.id}/draft`, { sections, indicators });
    await call(token, 'POST', `/plans/${plan.id}/submit`);
    submitted++;
  }

  // the office: the first few submitted are returned, the last few left waiting, the rest approved
  const waiting = [];
  for (const plan of chosen) {
    const { status } = await call(head, 'GET', `/plans/${plan.id}`);
    if (status === 'SUBMITTED' || status === 'UNDER_REVIEW') waiting.push(plan);
  }
  const decide = waiting.slice(0, Math.max(0, waiting.length - WAITING));
  let approved = 0;
  let returned = 0;
  for (const [i, plan] of decide.entries()) {
    if (i < RETURNED) {
      await call(head, 'POST', `/plans/${plan.id}/return`, {
        comment: 'Đề nghị nhà trường bổ sung giải pháp cụ thể cho chỉ tiêu học sinh giỏi và lộ trình từng năm.',
      });
      returned++;
    } else {
      await call(head, 'POST', `/plans/${plan.id}/approve`, {});
      approved++;
    }
  }
  console.log(
    `[duyet] ${CAMPAIGN}: ${submitted} plans submitted by their principals, ${approved} approved, ${returned} returned, ` +
      `${Math.min(WAITING, waiting.length)} waiting for review`,
  );
}

main(process.argv[2]).catch((err) => {
  console.error(`[duyet] demo plans: ${err.message}`);
  process.exit(1);
});
