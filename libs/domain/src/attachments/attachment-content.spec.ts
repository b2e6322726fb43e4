import * as fixtures from '../../../../test/fixtures/attachments';
import { DomainError } from '../common/errors';
import { checkUpload, cleanFileName, detectAttachmentContent } from './attachment-content';

const MiB = 1024 * 1024;

function refusal(fileName: string, content: Buffer, maxBytes = 20 * MiB): DomainError {
  try {
    checkUpload({ fileName, content, maxBytes });
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${fileName} was accepted`);
}

describe('detectAttachmentContent', () => {
  it.each([
    ['pdf', fixtures.pdf()],
    ['docx', fixtures.docx()],
    ['xlsx', fixtures.xlsx()],
    ['png', fixtures.png()],
    ['jpeg', fixtures.jpegHeader()],
  ])('recognises %s by its content', (kind, content) => {
    expect(detectAttachmentContent(content)).toEqual({ kind });
  });

  it('tells a plain ZIP from the ZIP containers of DOCX and XLSX', () => {
    expect(detectAttachmentContent(fixtures.plainZip())).toEqual({ kind: null, detected: 'zip' });
  });

  it('names executables and does not crash on a truncated ZIP', () => {
    expect(detectAttachmentContent(fixtures.exe())).toEqual({ kind: null, detected: 'exe' });
    expect(detectAttachmentContent(fixtures.elf())).toEqual({ kind: null, detected: 'elf' });
    expect(detectAttachmentContent(fixtures.docx().subarray(0, 60))).toEqual({ kind: null, detected: 'zip' });
    expect(detectAttachmentContent(Buffer.from('chỉ là văn bản'))).toEqual({ kind: null, detected: null });
  });
});

describe('checkUpload', () => {
  it.each([
    ['Kế hoạch năm học 2024-2025.pdf', fixtures.pdf(), 'application/pdf'],
    ['Ke hoach.DOCX', fixtures.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['Chỉ tiêu.xlsx', fixtures.xlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['bản ký.png', fixtures.png(), 'image/png'],
    ['bản ký.jpg', fixtures.jpegHeader(), 'image/jpeg'],
    ['bản ký.jpeg', fixtures.jpegHeader(), 'image/jpeg'],
  ])('accepts %s with the MIME type read from the content', (fileName, content, mimeType) => {
    expect(checkUpload({ fileName, content, maxBytes: 20 * MiB })).toEqual({
      fileName,
      kind: expect.any(String),
      mimeType,
    });
  });

  it('refuses an executable renamed .pdf, naming what it really is', () => {
    const err = refusal('Kế hoạch.pdf', fixtures.exe());
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('Tệp “Kế hoạch.pdf” không phải là PDF như tên tệp (nội dung là tệp chương trình EXE).');
    expect(err.details).toEqual({ errors: [{ field: 'file', message: err.message }] });
    expect(refusal('bao-cao.pdf', fixtures.elf()).message).toBe(
      'Tệp “bao-cao.pdf” không phải là PDF như tên tệp (nội dung là tệp chương trình ELF).',
    );
  });

  it('refuses a plain ZIP renamed .docx and a workbook renamed .docx', () => {
    expect(refusal('ke-hoach.docx', fixtures.plainZip()).message).toBe(
      'Tệp “ke-hoach.docx” không phải là DOCX như tên tệp (nội dung là tệp nén ZIP).',
    );
    expect(refusal('ke-hoach.docx', fixtures.xlsx()).message).toBe(
      'Tệp “ke-hoach.docx” không phải là DOCX như tên tệp (nội dung là XLSX).',
    );
  });

  it('refuses a PNG named .jpg: an allowed content must still match its name', () => {
    expect(refusal('anh.jpg', fixtures.png()).message).toBe(
      'Tệp “anh.jpg” không phải là JPEG như tên tệp (nội dung là PNG).',
    );
  });

  it('refuses an empty file', () => {
    expect(refusal('ke-hoach.pdf', Buffer.alloc(0)).message).toBe(
      'Tệp “ke-hoach.pdf” rỗng (0 byte), không thể đính kèm.',
    );
  });

  it('refuses a file over the limit and states the limit in MB; a file of exactly the limit passes', () => {
    const content = Buffer.concat([fixtures.pdf(), Buffer.alloc(2 * MiB)]);
    expect(refusal('lon.pdf', content, 2 * MiB).message).toBe(
      'Tệp “lon.pdf” vượt quá dung lượng cho phép (tối đa 2 MB).',
    );
    expect(refusal('lon.pdf', content, 1.5 * MiB).message).toMatch(/\(tối đa 1,5 MB\)\.$/);
    expect(checkUpload({ fileName: 'vua.pdf', content, maxBytes: content.length }).mimeType).toBe('application/pdf');
  });

  it('refuses a kind a plan does not carry, whatever its content', () => {
    expect(refusal('setup.exe', fixtures.exe()).message).toBe(
      'Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG; tệp “setup.exe” không thuộc các loại này.',
    );
    expect(refusal('ke-hoach', fixtures.pdf()).message).toMatch(/^Chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG;/);
  });
});

describe('cleanFileName', () => {
  it('keeps the Vietnamese name in NFC and drops any path and control characters', () => {
    const decomposed = 'Kế hoạch.pdf'.normalize('NFD');
    expect(cleanFileName(`C:\\Users\\hieutruong\\${decomposed}`)).toBe('Kế hoạch.pdf');
    expect(cleanFileName('../../etc/"passwd"\u0000.pdf')).toBe('passwd.pdf');
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
