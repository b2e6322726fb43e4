// What a plan's attachment may be, checked from its name and size alone: pure, so the browser refuses a file with
// these very words before sending it (apps/web imports this file through its @shared/attachments alias).

/** The kinds of file a plan may carry: the signed scan and office documents (DOMAIN.md, "attachments"). */
export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg';

interface KindInfo {
  mimeType: string;
  extensions: string[];
  label: string;
}

export const ATTACHMENT_KINDS: Record<AttachmentKind, KindInfo> = {
  pdf: { mimeType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'DOCX',
  },
  xlsx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'XLSX',
  },
  png: { mimeType: 'image/png', extensions: ['png'], label: 'PNG' },
  jpeg: { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
};

export const ATTACHMENT_ALLOWED_LIST = 'PDF, DOCX, XLSX, PNG hoặc JPEG';

/** The file picker's `accept`: every extension and type a plan carries. */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_KINDS)
  .flatMap((k) => [...k.extensions.map((e) => `.${e}`), k.mimeType])
  .join(',');

/** The name as it will be stored and offered back on download: no path, no control characters, NFC. */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(bytes / (1024 * 1024));
}

/** The kind a file's name claims, by its extension. */
export function kindByExtension(fileName: string): AttachmentKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const entry = Object.entries(ATTACHMENT_KINDS).find(([, info]) => info.extensions.includes(ext));
  return entry ? (entry[0] as AttachmentKind) : null;
}

/**
 * Why a file cannot be attached, judged from its name and size (its content is the server's to read), or null.
 * The words are the ones the API answers for the same file.
 */
export function refusalByNameAndSize(input: { fileName: string; size: number; maxBytes: number }): string | null {
  const fileName = cleanFileName(input.fileName);
  if (!fileName) return 'Tệp gửi lên cần có tên (ví dụ: ke-hoach.pdf).';
  if (input.size === 0) return `Tệp “${fileName}” rỗng (0 byte), không thể đính kèm.`;
  if (input.size > input.maxBytes) {
    return `Tệp “${fileName}” vượt quá dung lượng cho phép (tối đa ${formatMegabytes(input.maxBytes)} MB).`;
  }
  if (!kindByExtension(fileName)) {
    return `Chỉ nhận tệp ${ATTACHMENT_ALLOWED_LIST}; tệp “${fileName}” không thuộc các loại này.`;
  }
  return null;
}
