import { unzipSync } from 'fflate';
import { filetypeinfo } from 'magic-bytes.js';
import { DomainError } from '../common/errors';

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

const ALLOWED_LIST = 'PDF, DOCX, XLSX, PNG hoặc JPEG';

// How a refused content is named back to the user, for the types people most often rename by mistake or on purpose.
const DETECTED_LABEL: Record<string, string> = {
  exe: 'tệp chương trình EXE',
  elf: 'tệp chương trình ELF',
  zip: 'tệp nén ZIP',
  rar: 'tệp nén RAR',
  '7z': 'tệp nén 7Z',
  gzip: 'tệp nén GZIP',
  doc: 'tệp Word cũ (DOC)',
  xls: 'tệp Excel cũ (XLS)',
  gif: 'ảnh GIF',
  webp: 'ảnh WEBP',
};

export type DetectedContent = { kind: AttachmentKind } | { kind: null; detected: string | null };

/** What the bytes are, whatever the name says. Only the first bytes and a ZIP's directory are read. */
export function detectAttachmentContent(content: Buffer): DetectedContent {
  const guesses = filetypeinfo(content.subarray(0, 4096)).map((g) => g.typename.toLowerCase());
  if (guesses.includes('pdf')) return { kind: 'pdf' };
  if (guesses.includes('png')) return { kind: 'png' };
  if (guesses.includes('jpg')) return { kind: 'jpeg' };
  if (guesses.includes('zip')) return detectOfficeZip(content);
  return { kind: null, detected: guesses[0] ?? null };
}

// DOCX and XLSX are ZIP containers with the same signature as any ZIP; only their entries tell them apart.
// The filter declines every entry, so nothing is decompressed (a ZIP bomb costs nothing here).
function detectOfficeZip(content: Buffer): DetectedContent {
  const names: string[] = [];
  try {
    unzipSync(content, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    return { kind: null, detected: 'zip' };
  }
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return { kind: 'docx' };
    if (names.some((n) => n.startsWith('xl/'))) return { kind: 'xlsx' };
  }
  return { kind: null, detected: 'zip' };
}

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

export interface CheckedUpload {
  fileName: string;
  kind: AttachmentKind;
  mimeType: string;
}

/**
 * Refuses an upload that is empty, too large, of a kind a plan does not carry, or whose content is not what its
 * name says (an .exe renamed .pdf). The MIME type kept is the one read from the content.
 */
export function checkUpload(input: { fileName: string; content: Buffer; maxBytes: number }): CheckedUpload {
  const fileName = cleanFileName(input.fileName);
  if (!fileName) refuse('Tệp gửi lên cần có tên (ví dụ: ke-hoach.pdf).');
  const size = input.content.length;
  if (size === 0) refuse(`Tệp “${fileName}” rỗng (0 byte), không thể đính kèm.`);
  if (size > input.maxBytes) {
    refuse(`Tệp “${fileName}” vượt quá dung lượng cho phép (tối đa ${formatMegabytes(input.maxBytes)} MB).`);
  }
  const named = kindByExtension(fileName);
  if (!named) refuse(`Chỉ nhận tệp ${ALLOWED_LIST}; tệp “${fileName}” không thuộc các loại này.`);
  const found = detectAttachmentContent(input.content);
  if (found.kind !== named) {
    const actual = found.kind ? ATTACHMENT_KINDS[found.kind].label : describeDetected(found.detected);
    refuse(`Tệp “${fileName}” không phải là ${ATTACHMENT_KINDS[named].label} như tên tệp (nội dung là ${actual}).`);
  }
  return { fileName, kind: named, mimeType: ATTACHMENT_KINDS[named].mimeType };
}

function kindByExtension(fileName: string): AttachmentKind | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const entry = Object.entries(ATTACHMENT_KINDS).find(([, info]) => info.extensions.includes(ext));
  return entry ? (entry[0] as AttachmentKind) : null;
}

function describeDetected(detected: string | null): string {
  if (!detected) return 'một loại không nhận ra được';
  return DETECTED_LABEL[detected] ?? `tệp ${detected.toUpperCase()}`;
}

function refuse(message: string): never {
  throw new DomainError('VALIDATION', message, { errors: [{ field: 'file', message }] });
}
