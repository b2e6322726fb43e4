import { z } from 'zod';
import { findUnsafeCharacter, findUnsafeText } from './unsafe-text';
import './validation-messages';

describe('findUnsafeCharacter', () => {
  it.each([
    ['NUL', 'Miễn\u0000 thử', 'U+0000', 5],
    ['a bell', '\u0007chuông', 'U+0007', 1],
    ['DEL', 'a\u007f', 'U+007F', 2],
    ['a C1 control', 'a\u0085', 'U+0085', 2],
    ['a lone high surrogate', 'a\ud800b', 'U+D800', 2],
    ['a lone low surrogate', 'a\udc00', 'U+DC00', 2],
    ['a non-character', '\uffff', 'U+FFFF', 1],
  ])('finds %s and where it is', (_what, text, codePoint, position) => {
    expect(findUnsafeCharacter(text)).toEqual({ codePoint, position });
  });

  it('lets through Vietnamese, tabs, line breaks, emoji and right-to-left text', () => {
    expect(findUnsafeCharacter('Nâng cao chất lượng\tgiáo dục\r\n📚 שלום مرحبا')).toBeNull();
  });
});

describe('findUnsafeText', () => {
  it('names every field and key that holds one, by its path', () => {
    const errors = findUnsafeText({ sections: { purpose: 'a\u0000', 'k\u0001': 'b' }, list: ['ok', 'x\u0002'] });
    expect(errors.map((e) => e.field).sort()).toEqual(['list.1', 'sections.k\u0001', 'sections.purpose']);
    expect(errors.find((e) => e.field === 'sections.k\u0001')?.message).toMatch(/^Tên trường/);
  });

  it('names a parameter by its name and a whole body as body', () => {
    expect(findUnsafeText('th\u0000', ['schoolCode'])[0]?.field).toBe('schoolCode');
    expect(findUnsafeText('\u0000')[0]?.field).toBe('body');
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });
});

describe('the Vietnamese messages zod falls back to', () => {
  const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

  it.each([
    ['a missing field', z.object({ reason: z.string() }), {}, 'Thiếu thông tin bắt buộc'],
    ['null', z.string(), null, 'Không được để trống'],
    ['a number for text', z.string(), 5, 'Phải là một đoạn chữ'],
    ['text for a number', z.number(), 'năm', 'Phải là một số'],
    ['a fraction for an integer', z.number().int(), 1.5, 'Phải là một số nguyên'],
    ['an empty string', z.string().min(1), '', 'Không được để trống'],
    ['a long string', z.string().max(3), 'abcd', 'Dài quá: tối đa 3 ký tự'],
    ['a large number', z.number().max(20), 21, 'Lớn quá: tối đa 20'],
    ['a bad e-mail', z.email(), 'x', 'Địa chỉ e-mail không hợp lệ'],
    ['an enum', z.enum(['DESK', 'MEETING']), 'X', 'Phải là một trong các giá trị: "DESK", "MEETING"'],
    ['an array for an object', z.object({}), [], 'Phải là một nhóm thông tin'],
  ])('says %s in plain words', (_what, schema, value, message) => {
    expect(messageOf(schema, value)).toBe(message);
  });

  it('leaves a schema its own message', () => {
    expect(messageOf(z.string().min(3, 'Cần ghi rõ lý do'), 'a')).toBe('Cần ghi rõ lý do');
  });
});
