import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'superagent';
import * as fixtures from '../fixtures/attachments';
import { openCampaign } from '../support/campaign';
import { type Stack, startStack } from '../support/stack';

const sample = JSON.parse(readFileSync(path.join(__dirname, '../../prisma/district-kien-xuong.json'), 'utf8'));
const campaignBody = {
  ...sample.campaigns.find((c: { key: string }) => c.key === 'nam-2022'),
  key: 'attachments-test',
  documentNumber: '901/KH-TEPDK',
};

const ADMIN = 'truongphong@kienxuong.example';
const REVIEWER = 'pho.phothong@kienxuong.example'; // primary and lower secondary: in scope
const PRESCHOOL_REVIEWER = 'pho.mamnon@kienxuong.example'; // preschool only: out of scope
const principal = (school: string) => `hieutruong.${school}@kienxuong.example`;
const staff = (school: string) => `phohieutruong.${school}@kienxuong.example`;

const MAX_UPLOAD_BYTES = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// supertest buffers only text and JSON; a download is read as raw bytes.
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('plan attachments', () => {
  let stack: Stack;
  let campaignId: string;
  let storageDir: string;
  const savedEnv = { STORAGE_DIR: process.env.STORAGE_DIR, MAX_UPLOAD_BYTES: process.env.MAX_UPLOAD_BYTES };

  const auth = async (email: string) => ({ authorization: `Bearer ${await stack.login(email)}` });
  const planOf = async (school: string) =>
    (await stack.prisma.plan.findFirstOrThrow({ where: { campaignId, school: { code: school } } })).id;
  const upload = async (email: string, planId: string, content: Buffer, fileName: string, key?: string) =>
    stack
      .http()
      .post(`/api/plans/${planId}/attachments`)
      .set({ ...(await auth(email)), ...(key ? { 'Idempotency-Key': key } : {}) })
      .attach('file', content, fileName);
  const download = async (email: string, planId: string, attachmentId: string) =>
    stack
      .http()
      .get(`/api/plans/${planId}/attachments/${attachmentId}/content`)
      .set(await auth(email))
      .buffer(true)
      .parse(binary);
  const storedFiles = async (): Promise<string[]> => {
    const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)));
  };
  const traces = async (planId: string) => ({
    attachments: await stack.prisma.attachment.count({ where: { planId } }),
    events: await stack.prisma.auditEvent.count({ where: { planId } }),
    files: (await storedFiles()).sort(),
  });

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(tmpdir(), 'duyet-attachments-'));
    process.env.STORAGE_DIR = storageDir;
    process.env.MAX_UPLOAD_BYTES = String(MAX_UPLOAD_BYTES);
    stack = await startStack();
    campaignId = await openCampaign(stack, campaignBody);
  });

  afterAll(async () => {
    await stack?.close();
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await rm(storageDir, { recursive: true, force: true });
  });

  it('stores an upload with its checksum and audit event, lists it, and serves it to everyone who may read the plan', async () => {
    const school = 'th-vu-le';
    const planId = await planOf(school);
    const pdf = fixtures.pdf('Ke hoach truong Vu Le');
    const fileName = 'Kế hoạch năm học 2024 (bản ký).pdf';

    const res = await upload(principal(school), planId, pdf, fileName);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fileName,
      mimeType: 'application/pdf',
      size: pdf.length,
      sha256: sha256(pdf),
      removedAt: null,
      uploadedBy: { fullName: expect.any(String) },
    });
    const row = await stack.prisma.attachment.findUniqueOrThrow({ where: { id: res.body.id } });
    const hash = sha256(pdf);
    expect(row).toMatchObject({ planId, storageKey: `sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}` });
    expect(await storedFiles()).toContain(path.join(...row.storageKey.split('/')));
    const events = await stack.prisma.auditEvent.findMany({ where: { planId } });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ATTACHMENT_ADDED',
        campaignId,
        data: { attachmentId: row.id, fileName, mimeType: 'application/pdf', size: pdf.length, sha256: hash },
      }),
    ]);

    const docx = fixtures.docx();
    const byStaff = await upload(staff(school), planId, docx, 'Phụ lục chỉ tiêu.docx');
    expect(byStaff.status).toBe(201);
    expect(byStaff.body.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const list = await stack
      .http()
      .get(`/api/plans/${planId}/attachments`)
      .set(await auth(REVIEWER));
    expect(list.status).toBe(200);
    expect(list.body.map((a: { fileName: string }) => a.fileName)).toEqual([fileName, 'Phụ lục chỉ tiêu.docx']);

    for (const reader of [principal(school), REVIEWER, ADMIN]) {
      const got = await download(reader, planId, row.id);
      expect(got.status).toBe(200);
      expect(Buffer.compare(got.body as Buffer, pdf)).toBe(0);
      expect(sha256(got.body as Buffer)).toBe(hash);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-length']).toBe(String(pdf.length));
      expect(got.headers['etag']).toBe(`"${hash}"`);
      expect(got.headers['content-disposition']).toBe(
        `attachment; filename="Ke hoach nam hoc 2024 (ban ky).pdf"; filename*=UTF-8''${encodeURIComponent(fileName)
          .replace(/\(/g, '%28')
          .replace(/\)/g, '%29')}`,
      );
    }
  });

  it('gives 403 to a principal of another school and to a reviewer out of scope, and stores nothing for them', async () => {
    const planId = await planOf('th-vu-ninh');
    const mine = await upload(principal('th-vu-ninh'), planId, fixtures.png(), 'so-do.png');
    expect(mine.status).toBe(201);
    const before = await traces(planId);

    for (const outsider of [principal('th-vu-quy'), PRESCHOOL_REVIEWER]) {
      const list = await stack
        .http()
        .get(`/api/plans/${planId}/attachments`)
        .set(await auth(outsider));
      expect(list.status).toBe(403);
      expect(list.body.message).toBe('Bạn không có quyền xem kế hoạch của trường này.');
      const got = await download(outsider, planId, mine.body.id);
      expect(got.status).toBe(403);
    }
    const intruder = await upload(principal('th-vu-quy'), planId, fixtures.pdf(), 'chen-vao.pdf');
    expect(intruder.status).toBe(403);
    const reviewer = await upload(REVIEWER, planId, fixtures.pdf(), 'nguoi-duyet.pdf');
    expect(reviewer.status).toBe(403);
    expect(await traces(planId)).toEqual(before);
  });

  it('refuses a bad upload with 400 and a clear Vietnamese message, and stores nothing', async () => {
    const school = 'th-binh-dinh';
    const planId = await planOf(school);
    const before = await traces(planId);
    const oversize = Buffer.concat([fixtures.pdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const cases: [Buffer, string, string][] = [
      [
        fixtures.exe(),
        'Kế hoạch.pdf',
        'Tệp “Kế hoạch.pdf” không phải là PDF như tên tệp (nội dung là tệp chương trình EXE).',
      ],
      [
        fixtures.plainZip(),
        'Kế hoạch.docx',
        'Tệp “Kế hoạch.docx” không phải là DOCX như tên tệp (nội dung là tệp nén ZIP).',
      ],
      [oversize, 'Kế hoạch.pdf', 'Tệp vượt quá dung lượng cho phép (tối đa 1 MB).'],
      [Buffer.alloc(0), 'Kế hoạch.pdf', 'Tệp “Kế hoạch.pdf” rỗng (0 byte), không thể đính kèm.'],
      [
        fixtures.exe(),
        'setup.exe',
        'Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG; tệp “setup.exe” không thuộc các loại này.',
      ],
    ];
    for (const [content, fileName, message] of cases) {
      const res = await upload(principal(school), planId, content, fileName);
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toEqual({
        status: 400,
        code: 'VALIDATION',
        message,
      });
      expect(res.body.errors).toEqual([{ field: 'file', message }]);
    }

    const headers = await auth(principal(school));
    const noFile = await stack.http().post(`/api/plans/${planId}/attachments`).set(headers).field('ghi-chu', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toBe(
      'Chưa có tệp nào được gửi lên: gửi tệp trong trường “file” (multipart/form-data).',
    );
    const wrongField = await stack
      .http()
      .post(`/api/plans/${planId}/attachments`)
      .set(headers)
      .attach('tep', fixtures.pdf(), 'ke-hoach.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toMatch(/^Cần gửi đúng một tệp trong trường “file”/);

    expect(await traces(planId)).toEqual(before);
  });

  it('creates one attachment, not two, when the same upload is retried, and stores identical bytes once', async () => {
    const school = 'thcs-vu-le';
    const planId = await planOf(school);
    const xlsx = fixtures.xlsx();
    const key = `upload-${planId}`;

    const [a, b] = await Promise.all([
      upload(principal(school), planId, xlsx, 'Chỉ tiêu.xlsx', key),
      upload(principal(school), planId, xlsx, 'Chỉ tiêu.xlsx', key),
    ]);
    const c = await upload(principal(school), planId, xlsx, 'Chỉ tiêu.xlsx', key);
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await stack.prisma.attachment.count({ where: { planId } })).toBe(1);
    expect(await stack.prisma.auditEvent.count({ where: { planId, type: 'ATTACHMENT_ADDED' } })).toBe(1);

    // Another request with the same bytes is a second attachment, sharing the stored object.
    const filesBefore = await storedFiles();
    const again = await upload(principal(school), planId, xlsx, 'Chỉ tiêu (bản sao).xlsx');
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(a.body.id);
    expect(await stack.prisma.attachment.count({ where: { planId } })).toBe(2);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('removes a file from the draft but keeps it downloadable by id', async () => {
    const school = 'thcs-vu-ninh';
    const planId = await planOf(school);
    const pdf = fixtures.pdf('Ban cu');
    const added = await upload(principal(school), planId, pdf, 'Bản cũ.pdf');
    expect(added.status).toBe(201);
    const headers = { ...(await auth(staff(school))), 'Idempotency-Key': `remove-${added.body.id}` };

    const removed = await stack.http().delete(`/api/plans/${planId}/attachments/${added.body.id}`).set(headers);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: added.body.id, removedAt: expect.any(String) });
    const retried = await stack.http().delete(`/api/plans/${planId}/attachments/${added.body.id}`).set(headers);
    expect(retried.status).toBe(200);
    expect(retried.body.removedAt).toBe(removed.body.removedAt);
    const fresh = await stack
      .http()
      .delete(`/api/plans/${planId}/attachments/${added.body.id}`)
      .set(await auth(principal(school)));
    expect(fresh.status).toBe(404);

    const list = await stack
      .http()
      .get(`/api/plans/${planId}/attachments`)
      .set(await auth(principal(school)));
    expect(list.body).toEqual([]);
    const events = await stack.prisma.auditEvent.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED']);

    const got = await download(REVIEWER, planId, added.body.id);
    expect(got.status).toBe(200);
    expect(sha256(got.body as Buffer)).toBe(sha256(pdf));
  });

  it('refuses to add or remove files once the plan is submitted, and still serves them', async () => {
    const school = 'th-vu-an';
    const planId = await planOf(school);
    const headers = await auth(principal(school));
    const added = await upload(principal(school), planId, fixtures.jpegHeader(), 'Ảnh bìa.jpg');
    expect(added.status).toBe(201);

    // The status is set in Postgres, where the upload reads it: what a submission needs is another suite's concern.
    for (const status of ['SUBMITTED', 'UNDER_REVIEW', 'APPROVED'] as const) {
      await stack.prisma.plan.update({ where: { id: planId }, data: { status } });
      const before = await traces(planId);
      const late = await upload(principal(school), planId, fixtures.pdf(), 'Bổ sung.pdf');
      expect(late.status).toBe(409);
      expect(late.body.message).toBe(
        'Kế hoạch đã nộp hoặc đang được xét duyệt, không thể thêm hay gỡ tệp đính kèm lúc này.',
      );
      const remove = await stack.http().delete(`/api/plans/${planId}/attachments/${added.body.id}`).set(headers);
      expect(remove.status).toBe(409);
      expect(await traces(planId)).toEqual(before);
    }

    const got = await download(REVIEWER, planId, added.body.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');

    // Returned for revision: the school holds the pen again.
    await stack.prisma.plan.update({ where: { id: planId }, data: { status: 'RETURNED' } });
    const revised = await upload(principal(school), planId, fixtures.pdf(), 'Bổ sung.pdf');
    expect(revised.status).toBe(201);
  });
});
