import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { importTemplate } from './import-template';
import { cellText, guardXlsx, readSheets } from './xlsx-file';

describe('reading a workbook', () => {
  it('reads the template back: its sheets, headers and the district clusters it carries', async () => {
    const buffer = await importTemplate([{ code: 'I', name: 'Cụm I' }]);
    await guardXlsx(buffer);
    const sheets = await readSheets(buffer);
    expect(sheets.map((s) => s.name)).toEqual(['Trường', 'Người dùng', 'Cụm trường', 'Hướng dẫn']);
    expect(sheets[0]!.rows[0]!.cells).toEqual([
      'Mã trường *',
      'Tên trường *',
      'Cấp học *',
      'Cụm *',
      'Xã/thị trấn',
      'Số học sinh',
      'Số lớp',
    ]);
    expect(sheets[2]!.rows.map((r) => r.cells)).toEqual([
      ['Mã cụm *', 'Tên cụm *'],
      ['I', 'Cụm I'],
    ]);
  });

  it('reads a cell as a person sees it: links, rich text, formulas, numbers; empty cells as empty text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Người dùng');
    ws.addRow(['E-mail']);
    ws.getCell('A2').value = { text: 'a@x.vn', hyperlink: 'mailto:a@x.vn' };
    ws.getCell('B2').value = { richText: [{ text: 'Trần ' }, { text: 'Văn A' }] };
    ws.getCell('D2').value = { formula: '300+20', result: 320 };
    const [sheet] = await readSheets(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet!.rows[1]).toEqual({ number: 2, cells: ['a@x.vn', 'Trần Văn A', '', '320'] });
    expect(cellText(' Ha\u0300 ')).toBe('H\u00e0');
  });

  it('refuses a file that is not an XLSX', async () => {
    await expect(guardXlsx(Buffer.from('mã trường,tên trường\n'))).rejects.toThrow('không phải bảng tính Excel');
    await expect(guardXlsx(Buffer.from(zipSync({ 'a.txt': strToU8('xin chào') })))).rejects.toThrow(
      'không phải bảng tính Excel',
    );
  });

  it('refuses a zip bomb by what it inflates to, before reading it', async () => {
    const sheet = strToU8(' '.repeat(80 * 1024 * 1024));
    const bomb = Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': sheet }));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(guardXlsx(bomb)).rejects.toThrow('giải nén ra quá');
  });
});
