// The parts every e-mail is built from: compose() turns a greeting, paragraphs, labelled facts, a link and the
// optional blocks, table and notes into the HTML and text bodies. templates.ts and meeting-templates.ts both build on it.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A message is a greeting, paragraphs, labelled facts and a link; both bodies are built from the same parts. */
export interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts: [string, string][];
  link: { label: string; url: string };
  signature: string;
  /** numbered items, each with its own facts and link (a reminder about several plans) */
  blocks?: { title: string; facts: [string, string][]; link: { label: string; url: string } }[];
  /** a table (the overdue digest); a cell with a url links to it in HTML */
  table?: { head: string[]; rows: (string | { text: string; url: string })[][] };
  /** a closing list of lines, each with a link (the "Để biết" of a reminder) */
  notes?: { title: string; lines: { text: string; url: string }[] };
}

export function compose(p: MailParts): RenderedMail {
  const text = [
    p.greeting,
    '',
    ...p.paragraphs.flatMap((para) => [para, '']),
    ...extraText(p),
    ...p.facts.map(([k, v]) => `- ${k}: ${v}`),
    '',
    `${p.link.label}: ${p.link.url}`,
    '',
    ...notesText(p),
    p.signature,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a">',
    `<p>${escapeHtml(p.greeting)}</p>`,
    ...p.paragraphs.map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`),
    ...extraHtml(p),
    '<table style="border-collapse:collapse">',
    ...p.facts.map(
      ([k, v]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(p.link.url)}">${escapeHtml(p.link.label)}</a></p>`,
    ...notesHtml(p),
    `<p style="color:#555">${escapeHtml(p.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: p.subject, text, html };
}

// --- Blocks, tables and notes for compose() ---

const cellText = (c: string | { text: string }): string => (typeof c === 'string' ? c : c.text);

function extraText(p: MailParts): string[] {
  const blocks = (p.blocks ?? []).flatMap((b) => [
    b.title,
    ...b.facts.map(([k, v]) => `   - ${k}: ${v}`),
    `   ${b.link.label}: ${b.link.url}`,
    '',
  ]);
  const table = p.table ? [p.table.head.join(' | '), ...p.table.rows.map((r) => r.map(cellText).join(' | ')), ''] : [];
  return [...blocks, ...table];
}

function extraHtml(p: MailParts): string[] {
  const td = 'style="padding:4px 8px;border:1px solid #ccc"';
  const cell = (c: string | { text: string; url: string }): string =>
    typeof c === 'string' ? escapeHtml(c) : `<a href="${escapeHtml(c.url)}">${escapeHtml(c.text)}</a>`;
  const blocks = (p.blocks ?? []).map((b) =>
    [
      `<p style="margin-bottom:4px"><strong>${escapeHtml(b.title)}</strong></p>`,
      '<table style="border-collapse:collapse;margin-left:16px">',
      ...b.facts.map(
        ([k, v]) =>
          `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`,
      ),
      '</table>',
      `<p style="margin-left:16px"><a href="${escapeHtml(b.link.url)}">${escapeHtml(b.link.label)}</a></p>`,
    ].join('\n'),
  );
  const table = p.table
    ? [
        '<table style="border-collapse:collapse;margin:8px 0">',
        `<tr>${p.table.head.map((h) => `<th ${td} align="left">${escapeHtml(h)}</th>`).join('')}</tr>`,
        ...p.table.rows.map((r) => `<tr>${r.map((c) => `<td ${td}>${cell(c)}</td>`).join('')}</tr>`),
        '</table>',
      ]
    : [];
  return [...blocks, ...table];
}

function notesText(p: MailParts): string[] {
  if (!p.notes?.lines.length) return [];
  return [`${p.notes.title}:`, ...p.notes.lines.flatMap((l) => [`- ${l.text}`, `  ${l.url}`]), ''];
}

function notesHtml(p: MailParts): string[] {
  if (!p.notes?.lines.length) return [];
  return [
    `<p style="margin-bottom:4px"><strong>${escapeHtml(p.notes.title)}</strong></p>`,
    '<ul style="margin-top:0">',
    ...p.notes.lines.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`),
    '</ul>',
  ];
}
