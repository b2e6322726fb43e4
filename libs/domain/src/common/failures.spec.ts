import { DomainError } from './errors';
import { describePermanentFailure, failureKind, isUniqueViolation, sqlStateOf } from './failures';

/** The shape Prisma's pg driver adapter gives a PostgreSQL error. */
const prismaError = (code: string, sqlState?: string, kind = 'postgres') =>
  Object.assign(new Error('query failed'), {
    name: 'PrismaClientKnownRequestError',
    code,
    meta: sqlState ? { driverAdapterError: { cause: { originalCode: sqlState, kind } } } : undefined,
  });
const adapterError = (sqlState: string) =>
  Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    name: 'DriverAdapterError',
    cause: { originalCode: sqlState, code: sqlState, kind: 'postgres' },
  });

describe('failureKind', () => {
  it.each([
    ['a NUL PostgreSQL cannot store (22021)', adapterError('22021')],
    ['a NUL in a JSON column (22P05)', prismaError('P2010', '22P05')],
    ['a unique violation', prismaError('P2002')],
    ['a foreign key violation (23503)', prismaError('P2003', '23503')],
    ['a value too long', prismaError('P2000')],
    ['a refusal', new DomainError('VALIDATION', 'Cần ghi rõ lý do.')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a kind Prisma has no name for', new Error('Unknown error: [object Object]')],
  ])('calls %s permanent', (_what, err) => {
    expect(failureKind(err)).toBe('PERMANENT');
  });

  it.each([
    ['the database shutting down (57P01)', adapterError('57P01')],
    ['a deadlock (40P01)', prismaError('P2010', '40P01')],
    ['a serialization failure (40001)', adapterError('40001')],
    ['too many connections (53300)', adapterError('53300')],
    ['an unreachable database', Object.assign(new Error("Can't reach database server"), { code: 'P1001' })],
    ['a pool timeout', prismaError('P2024')],
    ['a write conflict', prismaError('P2034')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a closed connection the adapter named', prismaError('P2010', undefined)],
    ['the service being unavailable', new DomainError('UNAVAILABLE', 'Tạm thời chưa phục vụ được.')],
    ['anything unknown', new Error('something odd')],
  ])('calls %s transient', (_what, err) => {
    const e = _what.includes('adapter named')
      ? Object.assign(err, { meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } })
      : err;
    expect(failureKind(e)).toBe('TRANSIENT');
  });
});

describe('describePermanentFailure', () => {
  it('keeps a refusal as itself', () => {
    expect(describePermanentFailure(new DomainError('INVALID_TRANSITION', 'Đã duyệt.'))).toEqual({
      type: 'INVALID_TRANSITION',
      message: 'Đã duyệt.',
    });
  });

  it('names a data error with its SQLSTATE, in Vietnamese, saying nothing changed', () => {
    const { type, message } = describePermanentFailure(adapterError('22021'));
    expect(type).toBe('DATA_ERROR');
    expect(message).toContain('mã 22021');
    expect(message).toContain('không có gì thay đổi');
    expect(message).not.toMatch(/invalid|byte|UTF8/);
  });

  it('reads the SQLSTATE however it was wrapped', () => {
    expect(sqlStateOf(prismaError('P2010', '22P05'))).toBe('22P05');
    expect(sqlStateOf(adapterError('22021'))).toBe('22021');
    expect(sqlStateOf(prismaError('P2002'))).toBeUndefined();
  });
});

describe('isUniqueViolation', () => {
  it('knows a unique violation from another constraint, a non-error and nothing', () => {
    expect(isUniqueViolation(prismaError('P2002'))).toBe(true);
    expect(isUniqueViolation(prismaError('P2003', '23503'))).toBe(false);
    expect(isUniqueViolation('P2002')).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
