import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * About 49,000 passwords most often found in leaks (zxcvbn-ts's list), lower-cased: a password on it is guessed in
 * the first minutes of an attack whatever its length.
 */
const COMMON = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

const normalise = (s: string) => s.normalize('NFC').toLowerCase();

/**
 * What is wrong with a new password, in words its owner reads (empty when it is fine): long enough, not the
 * e-mail or its name part, not a password everyone uses. Length over character classes, as NIST SP 800-63B advises.
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH) problems.push(`Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  if (chars > PASSWORD_MAX_LENGTH) problems.push(`Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`);
  const lowered = normalise(password);
  const address = normalise(email.trim());
  const name = address.split('@')[0] ?? '';
  if (address && (lowered.includes(address) || (name.length >= 4 && lowered.includes(name)))) {
    problems.push('Mật khẩu không được chứa địa chỉ e-mail hay tên đăng nhập.');
  }
  if (COMMON.has(lowered) || COMMON.has(lowered.replace(/\d+$/, ''))) {
    problems.push('Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn một cụm từ khác.');
  }
  if (/^(.)\1+$/u.test(password)) problems.push('Mật khẩu không được chỉ lặp lại một ký tự.');
  return problems;
}
