import { type Stack, startStack } from '../support/stack';

// The pages an e-mail links to answer a person's browser with a page in Vietnamese saying what the link is (the
// browser app will serve them), not with JSON that asks for a token.

describe('the pages e-mail links open', () => {
  let stack: Stack;
  const id = '0b9c6a52-3f4e-4b8a-9d6e-1c2b3a4d5e6f';

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  it.each([
    [`/plans/${id}`, `/api/plans/${id}`],
    [`/campaigns/${id}`, `/api/campaigns/${id}`],
    [`/meetings/${id}`, `/api/meetings/${id}/agenda`],
    ['/board?overdue=true', '/api/board?overdue=true'],
    ['/plans?campaignId=x', '/api/plans?campaignId=x'],
  ])('answers %s with a Vietnamese page naming the API address', async (path, api) => {
    const res = await stack.http().get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
    expect(res.text).toContain(`href="${api}"`);
    expect(res.text).toContain('Phòng GD&amp;ĐT');
  });

  it('leaves other paths and methods to the API: a JSON 404', async () => {
    for (const res of [await stack.http().get('/plans/khong-phai-ma'), await stack.http().post(`/plans/${id}`)]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
  });
});
