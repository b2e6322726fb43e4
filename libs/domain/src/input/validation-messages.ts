import { z } from 'zod';
import { INSTANT_MESSAGE } from './instant';

// zod's own Vietnamese locale names types and operators ("mong đợi string, nhận được undefined", "<=100"):
// a principal cannot read that. These are the messages every schema falls back to when it sets none itself.

const formatNumber = (n: number | bigint): string =>
  typeof n === 'bigint' ? n.toString() : n.toLocaleString('vi-VN', { maximumFractionDigits: 6 });

const TYPE_WORDS: Record<string, string> = {
  string: 'một đoạn chữ',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: 'đúng hoặc sai (true hoặc false)',
  array: 'một danh sách',
  object: 'một nhóm thông tin',
  record: 'một nhóm thông tin',
  map: 'một nhóm thông tin',
  set: 'một danh sách',
  date: 'một ngày',
  file: 'một tệp',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'Địa chỉ e-mail không hợp lệ',
  uuid: 'Mã không hợp lệ (phải là một UUID)',
  guid: 'Mã không hợp lệ (phải là một UUID)',
  datetime: INSTANT_MESSAGE,
  date: 'Ngày phải có dạng YYYY-MM-DD, ví dụ 2027-01-15',
  time: 'Giờ phải có dạng HH:mm, ví dụ 07:30',
  url: 'Địa chỉ trang web không hợp lệ',
};

type Issue = z.core.$ZodRawIssue;

function invalidType(issue: Issue & { code: 'invalid_type' }): string {
  if (issue.input === undefined) return 'Thiếu thông tin bắt buộc';
  if (issue.input === null) return 'Không được để trống';
  if (issue.expected === 'number' && typeof issue.input === 'number') return 'Phải là một số hữu hạn';
  return `Phải là ${TYPE_WORDS[issue.expected] ?? 'một giá trị đúng kiểu'}`;
}

function sizeLimit(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const big = issue.code === 'too_big';
  const bound = big ? (issue as { maximum: number | bigint }).maximum : (issue as { minimum: number | bigint }).minimum;
  const n = formatNumber(bound);
  switch (issue.origin) {
    case 'string':
      if (!big && Number(bound) <= 1) return 'Không được để trống';
      return big ? `Dài quá: tối đa ${n} ký tự` : `Ngắn quá: ít nhất ${n} ký tự`;
    case 'array':
    case 'set':
      if (!big && Number(bound) <= 1) return 'Cần ít nhất một mục';
      return big ? `Nhiều quá: tối đa ${n} mục` : `Cần ít nhất ${n} mục`;
    case 'file':
      return big ? `Tệp quá lớn: tối đa ${n} byte` : 'Tệp rỗng';
    default:
      if (big) return issue.inclusive ? `Lớn quá: tối đa ${n}` : `Phải nhỏ hơn ${n}`;
      return issue.inclusive ? `Nhỏ quá: ít nhất ${n}` : `Phải lớn hơn ${n}`;
  }
}

/** The message of an issue no schema gave a message of its own, in words a principal reads. */
export function vietnameseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'too_big':
    case 'too_small':
      return sizeLimit(issue);
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? 'Không đúng định dạng';
    case 'invalid_value':
      return issue.values.length === 1
        ? `Phải là "${String(issue.values[0])}"`
        : `Phải là một trong các giá trị: ${issue.values.map((v) => `"${String(v)}"`).join(', ')}`;
    case 'not_multiple_of':
      return `Phải là bội số của ${formatNumber(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Có trường không được nhận: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_key':
      return 'Có tên trường không hợp lệ';
    case 'invalid_element':
      return 'Có phần tử không hợp lệ';
    default:
      return 'Giá trị không hợp lệ';
  }
}

z.config({ customError: (issue) => vietnameseIssueMessage(issue) });
