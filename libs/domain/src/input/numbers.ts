import { z } from 'zod';

// Every integer a client sends is bounded by what the data can hold: PostgreSQL's integer stops at 2³¹ - 1, and a
// number past it answered 500 instead of naming the field.

/** No plan is submitted ten thousand times. */
export const MAX_VERSION_NO = 9_999;
/** Far past the last page of a national board at 200 rows a page. */
export const MAX_PAGE = 100_000;

/** A version number (the Nth submission) in a path or query: 1…9999, or from 0 where 0 means the draft. */
export const versionNumberSchema = (name: string, min: 0 | 1 = 1) => {
  const message = `${name} phải là số thứ tự lần nộp (${min === 0 ? '0 là bản nháp, ' : ''}1, 2, …)`;
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(MAX_VERSION_NO, `${name} tối đa ${MAX_VERSION_NO.toLocaleString('vi-VN')}`);
};

export const pageNumberSchema = z.coerce
  .number('Số trang phải là số')
  .int('Số trang phải là số nguyên')
  .min(1, 'Số trang từ 1')
  .max(MAX_PAGE, `Số trang tối đa ${MAX_PAGE.toLocaleString('vi-VN')}`)
  .default(1);

export const pageSizeSchema = z.coerce
  .number('Cỡ trang phải là số')
  .int('Cỡ trang phải là số nguyên')
  .min(1, 'Cỡ trang từ 1')
  .max(200, 'Cỡ trang tối đa 200')
  .default(50);
