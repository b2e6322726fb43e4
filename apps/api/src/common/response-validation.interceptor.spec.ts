// An answer that drifts from the schema its route declares is caught: a 500 naming the difference where the
// setting says fail (the tests), the answer untouched where it says log or off.
import { Controller, Get, type INestApplication, Logger } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { createZodDto } from 'nestjs-zod';
import request from 'supertest';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { Answers, isoDateTime } from './answers';
import { HttpErrorsFilter } from './http-errors.filter';
import { ResponseValidation, answerMismatches } from './response-validation.interceptor';

const thing = z.object({
  id: z.string(),
  count: z.int(),
  at: isoDateTime,
  tags: z.array(z.object({ name: z.string() })),
});
class ThingDto extends createZodDto(thing, { codec: true }) {}

const AT = new Date('2027-01-15T03:00:00.000Z');
const good = () => ({ id: 'a', count: 1, at: AT, tags: [{ name: 'x' }] });

@Controller('things')
class ThingsController {
  @Get('good')
  @Answers(ThingDto, 200)
  good() {
    return good();
  }

  // What a drift looks like from the outside: TypeScript is told the service still returns the declared shape.
  @Get('wrong-type')
  @Answers(ThingDto, 200)
  wrongType() {
    return { ...good(), count: 'one' } as unknown as z.output<typeof thing>;
  }

  @Get('extra-key')
  @Answers(ThingDto, 200)
  extraKey() {
    return { ...good(), tags: [{ name: 'x', secret: 'hash' }] };
  }

  @Get('undeclared')
  undeclared() {
    return { anything: true };
  }
}

async function appWith(responseValidation: AppConfig['responseValidation']): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    controllers: [ThingsController],
    providers: [
      { provide: APP_CONFIG, useValue: { responseValidation } as AppConfig },
      { provide: APP_INTERCEPTOR, useClass: ResponseValidation },
      { provide: APP_FILTER, useClass: HttpErrorsFilter },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('ResponseValidation', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  describe('with RESPONSE_VALIDATION=fail', () => {
    let app: INestApplication;
    beforeAll(async () => (app = await appWith('fail')));
    afterAll(() => app.close());

    it('passes an answer that matches, as the handler made it (a Date sent as its ISO string)', async () => {
      const res = await request(app.getHttpServer()).get('/things/good').expect(200);
      expect(res.body).toEqual({ id: 'a', count: 1, at: '2027-01-15T03:00:00.000Z', tags: [{ name: 'x' }] });
      expect(errors).not.toHaveBeenCalled();
    });

    it('answers a field of the wrong type 500 RESPONSE_SCHEMA_MISMATCH, naming the field, and logs the route', async () => {
      const res = await request(app.getHttpServer()).get('/things/wrong-type').expect(500);
      expect(res.body).toMatchObject({
        statusCode: 500,
        code: 'RESPONSE_SCHEMA_MISMATCH',
        errors: [{ field: 'count', message: expect.any(String) }],
      });
      expect(res.body.message).toContain(res.body.errorId);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]![0]).toMatch(
        new RegExp(
          `^\\[${res.body.errorId}\\] GET /things/wrong-type answered outside its declared schema ThingDto: count: `,
        ),
      );
    });

    it('counts a key the schema does not declare as a mismatch (a generated client would never see it)', async () => {
      const res = await request(app.getHttpServer()).get('/things/extra-key').expect(500);
      expect(res.body.errors).toEqual([{ field: 'tags[0].secret', message: 'không có trong mô tả câu trả lời' }]);
    });

    it('leaves a route without a declared answer alone', async () => {
      await request(app.getHttpServer()).get('/things/undeclared').expect(200, { anything: true });
      expect(errors).not.toHaveBeenCalled();
    });
  });

  describe('with RESPONSE_VALIDATION=log (production)', () => {
    let app: INestApplication;
    beforeAll(async () => (app = await appWith('log')));
    afterAll(() => app.close());

    it('sends the answer unchanged and logs the mismatch', async () => {
      const res = await request(app.getHttpServer()).get('/things/wrong-type').expect(200);
      expect(res.body.count).toBe('one');
      expect(errors).toHaveBeenCalledTimes(1);
      expect(errors.mock.calls[0]![0]).toContain('GET /things/wrong-type answered outside its declared schema');
    });
  });

  describe('with RESPONSE_VALIDATION=off', () => {
    let app: INestApplication;
    beforeAll(async () => (app = await appWith('off')));
    afterAll(() => app.close());

    it('checks nothing', async () => {
      await request(app.getHttpServer()).get('/things/extra-key').expect(200);
      expect(errors).not.toHaveBeenCalled();
    });
  });
});

describe('answerMismatches', () => {
  it('finds nothing in a matching answer, and every difference in one that drifted', () => {
    expect(answerMismatches(thing, good())).toEqual([]);
    expect(answerMismatches(thing, { ...good(), at: AT.toISOString(), id: undefined, extra: 1 })).toEqual([
      { path: 'id', message: expect.any(String) },
      { path: 'at', message: expect.any(String) },
    ]);
    expect(answerMismatches(thing, { ...good(), extra: 1, skipped: undefined })).toEqual([
      { path: 'extra', message: 'không có trong mô tả câu trả lời' },
    ]);
  });
});
