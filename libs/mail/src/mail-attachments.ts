// Files carried by an outbox row (EmailLog.attachments), written with the row and sent as they are.
import type { SendMailOptions } from 'nodemailer';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** text as it is, or base64 when encoding says so */
  content: string;
  encoding?: 'base64';
  /**
   * An iCalendar invitation's METHOD. Such a file goes out as nodemailer's icalEvent: a text/calendar
   * alternative with that method (what Outlook and Gmail read as an invitation) plus the .ics attachment.
   */
  method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
}

const isAttachment = (v: unknown): v is MailAttachment => {
  const a = v as Partial<MailAttachment> | null;
  return typeof a?.filename === 'string' && typeof a.contentType === 'string' && typeof a.content === 'string';
};

/** The nodemailer options for a row's attachments; a row written before the column existed has none. */
export function attachmentOptions(stored: unknown): Pick<SendMailOptions, 'icalEvent' | 'attachments'> {
  const all = (Array.isArray(stored) ? stored : []).filter(isAttachment);
  // A message carries at most one invitation: nodemailer takes a single icalEvent.
  const invitation = all.find((a) => a.method);
  const files = all.filter((a) => a !== invitation);
  return {
    ...(invitation
      ? { icalEvent: { filename: invitation.filename, method: invitation.method, content: invitation.content } }
      : {}),
    ...(files.length
      ? {
          attachments: files.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.encoding === 'base64' ? Buffer.from(a.content, 'base64') : a.content,
          })),
        }
      : {}),
  };
}
