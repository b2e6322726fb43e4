import { unzipSync } from 'fflate';
import { filetypeinfo } from 'magic-bytes.js';
import { DomainError } from '../common/errors';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  cleanFileName,
  kindByExtension,
  refusalByNameAndSize,
} from './attachment-rules';

export * from './attachment-rules';

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
  const refused = refusalByNameAndSize({ fileName, size: input.content.length, maxBytes: input.maxBytes });
  if (refused) refuse(refused);
  const named = kindByExtension(fileName)!;
  const found = detectAttachmentContent(input.content);
  if (found.kind !== named) {
    const actual = found.kind ? ATTACHMENT_KINDS[found.kind].label : describeDetected(found.detected);
    refuse(`Tệp “${fileName}” không phải là ${ATTACHMENT_KINDS[named].label} như tên tệp (nội dung là ${actual}).`);
  }
  return { fileName, kind: named, mimeType: ATTACHMENT_KINDS[named].mimeType };
}

function describeDetected(detected: string | null): string {
  if (!detected) return 'một loại không nhận ra được';
  return DETECTED_LABEL[detected] ?? `tệp ${detected.toUpperCase()}`;
}

function refuse(message: string): never {
  throw new DomainError('VALIDATION', message, { errors: [{ field: 'file', message }] });
}
