import { execFile } from 'node:child_process';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's VM refuses without
// --experimental-vm-modules: the text is extracted in a plain Node process instead.
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

/** The text of a PDF, as a reader's copy-and-paste would give it (NFC). */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => (err ? reject(err) : resolve(stdout.normalize('NFC'))),
    );
    child.stdin?.end(pdf);
  });
}
