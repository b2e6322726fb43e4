// Vietnamese e-mail templates: each template name has its own typed data and renders to HTML and text.

export enum MailTemplate {
  SUBMISSION_RECEIPT = 'SUBMISSION_RECEIPT',
  PLAN_APPROVED = 'PLAN_APPROVED',
  PLAN_RETURNED = 'PLAN_RETURNED',
}

interface PlanMailBase {
  recipientName: string;
  schoolName: string;
  campaignTitle: string;
  documentNumber: string;
  versionNo: number;
  planUrl: string;
  officeName: string;
}

export interface MailData {
  [MailTemplate.SUBMISSION_RECEIPT]: PlanMailBase & { submittedBy: string; submittedAt: string; deadline: string };
  [MailTemplate.PLAN_APPROVED]: PlanMailBase & {
    decidedBy: string;
    capacity: string;
    decidedAt: string;
    comment?: string;
  };
  [MailTemplate.PLAN_RETURNED]: PlanMailBase & {
    decidedBy: string;
    capacity: string;
    decidedAt: string;
    comment: string;
  };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A message is a greeting, paragraphs, labelled facts and a link; both bodies are built from the same parts. */
interface MailParts {
  subject: string;
  greeting: string;
  paragraphs: string[];
  facts: [string, string][];
  link: { label: string; url: string };
  signature: string;
}

function compose(p: MailParts): RenderedMail {
  const text = [
    p.greeting,
    '',
    ...p.paragraphs.flatMap((para) => [para, '']),
    ...p.facts.map(([k, v]) => `- ${k}: ${v}`),
    '',
    `${p.link.label}: ${p.link.url}`,
    '',
    p.signature,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1a1a1a">',
    `<p>${escapeHtml(p.greeting)}</p>`,
    ...p.paragraphs.map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`),
    '<table style="border-collapse:collapse">',
    ...p.facts.map(
      ([k, v]) =>
        `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(p.link.url)}">${escapeHtml(p.link.label)}</a></p>`,
    `<p style="color:#555">${escapeHtml(p.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: p.subject, text, html };
}

const planFacts = (d: PlanMailBase): [string, string][] => [
  ['Trường', d.schoolName],
  ['Kế hoạch', `${d.documentNumber} - ${d.campaignTitle}`],
  ['Phiên bản', `Lần nộp thứ ${d.versionNo}`],
];

const RENDERERS: { [K in MailTemplate]: (d: MailData[K]) => RenderedMail } = {
  [MailTemplate.SUBMISSION_RECEIPT]: (d) =>
    compose({
      subject: `[Duyệt] Đã nhận kế hoạch của ${d.schoolName}`,
      greeting: `Kính gửi ${d.recipientName},`,
      paragraphs: [
        `Hệ thống đã nhận kế hoạch của ${d.schoolName} do ${d.submittedBy} nộp lúc ${d.submittedAt}.`,
        `Hạn nộp của đợt này: ${d.deadline}.`,
      ],
      facts: planFacts(d),
      link: { label: 'Xem kế hoạch', url: d.planUrl },
      signature: d.officeName,
    }),
  [MailTemplate.PLAN_APPROVED]: (d) =>
    compose({
      subject: `[Duyệt] Kế hoạch của ${d.schoolName} đã được phê duyệt`,
      greeting: `Kính gửi ${d.recipientName},`,
      paragraphs: [
        `Kế hoạch của ${d.schoolName} (lần nộp thứ ${d.versionNo}) đã được phê duyệt lúc ${d.decidedAt}.`,
        ...(d.comment ? [`Ý kiến của người duyệt: ${d.comment}`] : []),
      ],
      facts: [...planFacts(d), ['Người phê duyệt', `${d.decidedBy} (${d.capacity})`]],
      link: { label: 'Xem kế hoạch', url: d.planUrl },
      signature: d.officeName,
    }),
  [MailTemplate.PLAN_RETURNED]: (d) =>
    compose({
      subject: `[Duyệt] Kế hoạch của ${d.schoolName} cần chỉnh sửa`,
      greeting: `Kính gửi ${d.recipientName},`,
      paragraphs: [
        `Kế hoạch của ${d.schoolName} (lần nộp thứ ${d.versionNo}) được trả lại để chỉnh sửa lúc ${d.decidedAt}.`,
        `Ý kiến của người duyệt: ${d.comment}`,
      ],
      facts: [...planFacts(d), ['Người trả lại', `${d.decidedBy} (${d.capacity})`]],
      link: { label: 'Chỉnh sửa kế hoạch', url: d.planUrl },
      signature: d.officeName,
    }),
};

export function renderMail<K extends MailTemplate>(template: K, data: MailData[K]): RenderedMail {
  return RENDERERS[template](data);
}
