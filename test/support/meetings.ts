// The review meetings suite's vocabulary: the sample campaign "mam-non-2017-2018" with its four meetings, a
// preschool plan complete enough to submit, and calls as the people of the sample district make them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { bearer } from './campaign';
import type { Stack } from './stack';

const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));

export interface SampleMeeting {
  cluster: string;
  date: string;
  venue: string;
}

export const MAM_NON = sample.campaigns.find((c: { key: string }) => c.key === 'mam-non-2017-2018') as Record<
  string,
  unknown
> & { meetings: SampleMeeting[]; signer: { email: string; title: string } };

export const PRESCHOOLS = (sample.schools as { code: string; name: string; level: string; cluster: string }[]).filter(
  (s) => s.level === 'PRESCHOOL',
);

export const ZONE = 'Asia/Ho_Chi_Minh';

/** The campaign's required sections and preschool indicators, filled in. */
export const PRESCHOOL_DRAFT = {
  sections: {
    purpose: 'Nâng cao chất lượng chăm sóc, nuôi dưỡng, giáo dục trẻ; thực hiện tốt nhiệm vụ năm học 2017 - 2018.',
    situation: 'Trường có 12 nhóm lớp, 100% nhóm lớp học 2 buổi/ngày; cơ sở vật chất cơ bản đáp ứng yêu cầu.',
    targets: 'Huy động trẻ nhà trẻ đạt 40%, trẻ mẫu giáo 97%, trẻ 5 tuổi 100%; giảm tỷ lệ suy dinh dưỡng dưới 3%.',
    tasks: 'Điều tra phổ cập, huy động trẻ ra lớp đúng tuyến; đổi mới hoạt động giáo dục lấy trẻ làm trung tâm.',
    organisation: 'Ban Giám hiệu phân công từng thành viên phụ trách; tổ chuyên môn triển khai theo tháng.',
  },
  indicators: {
    MN_ENROL_NURSERY: { baseline: 35, target: 40 },
    MN_ENROL_KINDER: { baseline: 95, target: 97 },
    MN_ENROL_AGE5: { baseline: 100, target: 100 },
    MN_MALNUTRITION: { baseline: 3.5, target: 2.8 },
    MN_TWO_SESSIONS: { baseline: 100, target: 100 },
  },
};

/** A local 'YYYY-MM-DDTHH:mm:ss' in the district, as a calendar program shows it, from an instant. */
export const localTime = (iso: string | Date): string =>
  DateTime.fromJSDate(new Date(iso), { zone: ZONE }).toFormat("yyyy-LL-dd'T'HH:mm:ss");

/** HTTP calls as a person of the sample district. */
export function callsAs(stack: Stack) {
  const send = async (method: 'post' | 'put' | 'patch', email: string, url: string, body: object, key?: string) => {
    const agent = stack.http();
    const req = (method === 'post' ? agent.post(url) : method === 'put' ? agent.put(url) : agent.patch(url)).set(
      await bearer(stack, email),
    );
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };
  return {
    get: async (email: string, url: string) =>
      stack
        .http()
        .get(url)
        .set(await bearer(stack, email)),
    /** a download: the body is the raw bytes */
    file: async (email: string, url: string) =>
      stack
        .http()
        .get(url)
        .set(await bearer(stack, email))
        .responseType('blob'),
    post: (email: string, url: string, body: object = {}, key?: string) => send('post', email, url, body, key),
    put: (email: string, url: string, body: object, key?: string) => send('put', email, url, body, key),
    patch: (email: string, url: string, body: object, key?: string) => send('patch', email, url, body, key),
  };
}

/** Fails with the response when the status is not the expected one (the message says why). */
export function expectStatus(res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}
