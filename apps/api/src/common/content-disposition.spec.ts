import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('keeps the Vietnamese name exactly in filename* and gives an ASCII fallback', () => {
    const header = contentDisposition('Kế hoạch năm học 2024 (bản ký).pdf');
    expect(header).toBe(
      `attachment; filename="Ke hoach nam hoc 2024 (ban ky).pdf"; ` +
        `filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20n%C4%83m%20h%E1%BB%8Dc%202024%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Kế hoạch năm học 2024 (bản ký).pdf');
  });

  it('turns đ into d and never lets a quote or backslash end the fallback early', () => {
    expect(contentDisposition('Đề án "đổi mới"\\1.docx')).toMatch(/^attachment; filename="De an _doi moi__1.docx"; /);
  });
});
