// Characters that PostgreSQL (NUL), XML documents (DOCX, the minutes) and e-mail cannot hold, or that change
// silently on the way (a lone surrogate becomes U+FFFD): the C0 controls but tab, line feed and carriage return,
// DEL, the C1 controls, the non-characters U+FFFE and U+FFFF, and unpaired surrogates. They come from text
// pasted out of a PDF or a word processor and are never what a person meant to type. Refused, never cleaned:
// a principal is told where the character is rather than having their text changed behind their back.
// No `u` flag: the surrogate checks work on UTF-16 code units.
const UNSAFE = new RegExp(
  [
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

export interface UnsafeCharacter {
  /** the character's position in the text, from 1 */
  position: number;
  /** U+0000 */
  codePoint: string;
}

/** The first character of the text that Duyệt refuses to store, or null. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  const match = UNSAFE.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return { position: match.index + 1, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

export function unsafeCharacterMessage(found: UnsafeCharacter, inKey = false): string {
  const where = inKey ? 'Tên trường có' : 'Có';
  return (
    `${where} ký tự điều khiển không hiển thị được (${found.codePoint}) ở vị trí ${found.position}, ` +
    'thường do dán từ tệp PDF: hãy xóa ký tự đó hoặc gõ lại đoạn này'
  );
}

export interface FieldError {
  field: string;
  message: string;
}

const MAX_REPORTED = 20;

/** A step of the walk: the path is kept as a chain to the parent, so a deep body costs no copying. */
interface Step {
  value: unknown;
  key: string | null;
  parent: Step | null;
}

function pathOf(step: Step, root: string[]): string {
  const keys: string[] = [];
  for (let s: Step | null = step; s; s = s.parent) if (s.key !== null) keys.push(s.key);
  return [...root, ...keys.reverse()].join('.') || 'body';
}

/**
 * Every string (and object key) in a parsed input that holds a refused character, with the path of the field
 * as the 400's errors[] name it. Walks iteratively with paths built only for what it reports: a body nested a
 * million deep costs linear time and no stack.
 */
export function findUnsafeText(value: unknown, root: string[] = []): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && errors.length < MAX_REPORTED) {
    const step = stack.pop()!;
    const v = step.value;
    if (typeof v === 'string') {
      const found = findUnsafeCharacter(v);
      if (found) errors.push({ field: pathOf(step, root), message: unsafeCharacterMessage(found) });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: String(i), parent: step }));
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const child = { value: item, key, parent: step };
        const found = findUnsafeCharacter(key);
        if (found) errors.push({ field: pathOf(child, root), message: unsafeCharacterMessage(found, true) });
        else stack.push(child);
      }
    }
  }
  return errors;
}
