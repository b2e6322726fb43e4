// Vietnamese e-mail templates: each template name has its own typed data and renders to HTML and text. Dates come
// in already written by the domain's one helper (libs/domain/src/format.ts): an instant "17:00 12/02/2027", a day
// "12/02/2027"; a number of days is always of working days, and says so.
import {
  type MeetingAgendaMailData,
  type MeetingCancelledMailData,
  type MeetingInvitationMailData,
  renderMeetingAgenda,
  renderMeetingCancelled,
  renderMeetingInvitation,
} from './meeting-templates';
import {
  type AccountInvitationMailData,
  type AccountLockedMailData,
  type PasswordResetMailData,
  renderAccountInvitation,
  renderAccountLocked,
  renderPasswordReset,
} from './account-templates';
import { type PaperCopiesReminderMailData, renderPaperCopiesReminder } from './reminder-templates';
import { type MailParts, type RenderedMail, compose } from './template-parts';

export enum MailTemplate {
  /** an admin invited someone to set a first password */
  ACCOUNT_INVITATION = 'ACCOUNT_INVITATION',
  /** "forgot password": a link to set a new one */
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** wrong passwords in a row locked the account for a while */
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  SUBMISSION_RECEIPT = 'SUBMISSION_RECEIPT',
  PLAN_APPROVED = 'PLAN_APPROVED',
  PLAN_RETURNED = 'PLAN_RETURNED',
  /** a principal asked the office for more time */
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  /** an admin granted or refused a deadline extension */
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  /** an admin exempted the school, reopened its approved plan or closed it */
  PLAN_STATUS_NOTICE = 'PLAN_STATUS_NOTICE',
  /** a person's one reminder message of the day: every plan waiting on them */
  REMINDER = 'REMINDER',
  /** the office head's table of overdue plans */
  OVERDUE_DIGEST = 'OVERDUE_DIGEST',
  /** a school invited to present its plan at a review meeting, or told the meeting changed */
  MEETING_INVITATION = 'MEETING_INVITATION',
  /** a review meeting's agenda for the office's reviewers, and its updates */
  MEETING_AGENDA = 'MEETING_AGENDA',
  /** a review meeting called off, or an invitee taken off it */
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  /** a submitted plan whose paper copies (bản giấy) have not all reached the office */
  PAPER_COPIES_REMINDER = 'PAPER_COPIES_REMINDER',
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
  [MailTemplate.ACCOUNT_INVITATION]: AccountInvitationMailData;
  [MailTemplate.PASSWORD_RESET]: PasswordResetMailData;
  [MailTemplate.ACCOUNT_LOCKED]: AccountLockedMailData;
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
    /** formatVnDateTime: "17:00 10/02/2022" */
    revisionDeadline: string;
    /** the open review comments the school must answer, each with what it is about */
    openComments: { anchor: string; body: string }[];
  };
  [MailTemplate.EXTENSION_REQUESTED]: ExtensionRequestMailData;
  [MailTemplate.EXTENSION_DECIDED]: ExtensionMailData;
  [MailTemplate.PLAN_STATUS_NOTICE]: StatusNoticeMailData;
  [MailTemplate.REMINDER]: ReminderMailData;
  [MailTemplate.OVERDUE_DIGEST]: OverdueDigestMailData;
  [MailTemplate.MEETING_INVITATION]: MeetingInvitationMailData;
  [MailTemplate.MEETING_AGENDA]: MeetingAgendaMailData;
  [MailTemplate.MEETING_CANCELLED]: MeetingCancelledMailData;
  [MailTemplate.PAPER_COPIES_REMINDER]: PaperCopiesReminderMailData;
}

/** What the plan waits for: the school to submit or resubmit, or the reviewer to decide. */
export type ReminderAction = 'SUBMIT' | 'RESUBMIT' | 'DECIDE';

export interface ReminderItem {
  schoolName: string;
  campaignTitle: string;
  documentNumber: string;
  action: ReminderAction;
  /** the deadline in force, formatVnDateTime: "17:00 12/02/2027" */
  deadline: string;
  /** working days from the deadline: negative before it, 0 on its (last working) day, positive after it */
  workingDays: number;
  /** with workingDays 0: the deadline's own date is today (else it falls on a day off ahead) */
  dueToday: boolean;
  planUrl: string;
}

export interface ReminderMailData {
  recipientName: string;
  officeName: string;
  /** dd/mm/yyyy */
  day: string;
  /** what the person must do; empty when the message only brings news of others' deadlines (fyi) */
  items: ReminderItem[];
  /**
   * "Để biết": plans someone else must act on that the ladder copies this person on (the reviewer of a school
   * late with its plan). Merged into their own message: a person gets one reminder e-mail a day, whatever role.
   */
  fyi?: ReminderItem[];
  /** where a person with several plans finds them all */
  listUrl: string;
}

export interface OverdueDigestRow extends Omit<ReminderItem, 'campaignTitle' | 'documentNumber'> {
  clusterName: string;
  level: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';
  /** the row's campaign, shown when the digest spans several campaigns */
  documentNumber?: string;
}

export interface OverdueDigestMailData {
  recipientName: string;
  officeName: string;
  /** dd/mm/yyyy */
  day: string;
  /** the one campaign of every row; absent when the rows span several (a column then names each row's) */
  campaignTitle?: string;
  documentNumber?: string;
  rows: OverdueDigestRow[];
  /** how many plans are due in the digest; more than rows when the table was cut */
  total: number;
  boardUrl: string;
  /** "Để biết": see ReminderMailData.fyi */
  fyi?: ReminderItem[];
}

export interface ExtensionMailData extends PlanMailBase {
  granted: boolean;
  /** the office brought the deadline forward rather than extending it */
  earlier?: boolean;
  /** the new deadline, formatVnDateTime ("17:00 12/02/2027"), when granted */
  until?: string;
  note: string;
}

export interface ExtensionRequestMailData extends PlanMailBase {
  requestedBy: string;
  /** the deadline in force, formatVnDateTime ("17:00 12/02/2027") */
  deadline: string;
  requestedUntil?: string;
  reason: string;
}

export interface StatusNoticeMailData extends PlanMailBase {
  /** what happened, in a sentence: "Kế hoạch được miễn nộp." */
  what: string;
  reason: string;
  deadline?: string;
}

/** "Lần nộp thứ 2"; a plan never submitted (an extension, an exemption before any version) has none. */
const versionLabel = (versionNo: number): string => (versionNo > 0 ? `Lần nộp thứ ${versionNo}` : 'Chưa nộp lần nào');

const planFacts = (d: PlanMailBase): [string, string][] => [
  ['Trường', d.schoolName],
  ['Kế hoạch', `${d.documentNumber} - ${d.campaignTitle}`],
  ['Phiên bản', versionLabel(d.versionNo)],
];

const renderExtensionDecided = (d: ExtensionMailData): RenderedMail =>
  compose({
    subject: !d.granted
      ? `[Duyệt] Đề nghị gia hạn của ${d.schoolName} không được chấp thuận`
      : d.earlier
        ? `[Duyệt] Hạn nộp kế hoạch của ${d.schoolName} được điều chỉnh sớm hơn: ${d.until}`
        : `[Duyệt] ${d.schoolName} được gia hạn đến ${d.until}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: !d.granted
      ? [`Phòng GD&ĐT không chấp thuận đề nghị gia hạn của ${d.schoolName}.`, `Ý kiến: ${d.note}`]
      : [
          d.earlier
            ? `Phòng GD&ĐT điều chỉnh hạn của ${d.schoolName} sớm hơn, đến ${d.until}.`
            : `Phòng GD&ĐT gia hạn cho ${d.schoolName} đến ${d.until}.`,
          `Lý do: ${d.note}`,
        ],
    facts: [...planFacts(d), ...(d.until ? ([['Hạn mới', d.until]] as [string, string][]) : [])],
    link: { label: 'Xem kế hoạch', url: d.planUrl },
    signature: d.officeName,
  });

const renderExtensionRequested = (d: ExtensionRequestMailData): RenderedMail =>
  compose({
    subject: `[Duyệt] ${d.schoolName} đề nghị gia hạn`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      `${d.requestedBy} đề nghị gia hạn kế hoạch của ${d.schoolName}` +
        (d.requestedUntil ? ` đến ${d.requestedUntil}.` : '.'),
      `Lý do: ${d.reason}`,
      `Hạn hiện tại: ${d.deadline}.`,
    ],
    facts: planFacts(d),
    link: { label: 'Xem và trả lời đề nghị', url: d.planUrl },
    signature: d.officeName,
  });

const renderStatusNotice = (d: StatusNoticeMailData): RenderedMail =>
  compose({
    subject: `[Duyệt] ${d.schoolName}: ${d.what}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [d.what, `Lý do: ${d.reason}`, ...(d.deadline ? [`Thời hạn: ${d.deadline}.`] : [])],
    facts: planFacts(d),
    link: { label: 'Xem kế hoạch', url: d.planUrl },
    signature: d.officeName,
  });

const RENDERERS: { [K in MailTemplate]: (d: MailData[K]) => RenderedMail } = {
  [MailTemplate.ACCOUNT_INVITATION]: renderAccountInvitation,
  [MailTemplate.PASSWORD_RESET]: renderPasswordReset,
  [MailTemplate.ACCOUNT_LOCKED]: renderAccountLocked,
  [MailTemplate.REMINDER]: (d) => renderReminder(d),
  [MailTemplate.OVERDUE_DIGEST]: (d) => renderOverdueDigest(d),
  [MailTemplate.EXTENSION_REQUESTED]: renderExtensionRequested,
  [MailTemplate.EXTENSION_DECIDED]: renderExtensionDecided,
  [MailTemplate.PLAN_STATUS_NOTICE]: renderStatusNotice,
  [MailTemplate.MEETING_INVITATION]: renderMeetingInvitation,
  [MailTemplate.MEETING_AGENDA]: renderMeetingAgenda,
  [MailTemplate.MEETING_CANCELLED]: renderMeetingCancelled,
  [MailTemplate.PAPER_COPIES_REMINDER]: renderPaperCopiesReminder,
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
        ...(d.openComments.length
          ? [
              `Các ý kiến cần tiếp thu, chỉnh sửa:\n${d.openComments.map((c, i) => `${i + 1}. ${c.anchor}: ${c.body}`).join('\n')}`,
            ]
          : []),
        `Đề nghị nhà trường chỉnh sửa và nộp lại trước ${d.revisionDeadline}.`,
      ],
      facts: [
        ...planFacts(d),
        ['Người trả lại', `${d.decidedBy} (${d.capacity})`],
        ['Hạn nộp lại', d.revisionDeadline],
      ],
      link: { label: 'Chỉnh sửa kế hoạch', url: d.planUrl },
      signature: d.officeName,
    }),
};

export function renderMail<K extends MailTemplate>(template: K, data: MailData[K]): RenderedMail {
  return RENDERERS[template](data);
}

// --- Reminders: the two reminder templates ---

const ACTION_TODO: Record<ReminderAction, string> = {
  SUBMIT: 'Hoàn thiện và nộp kế hoạch',
  RESUBMIT: 'Chỉnh sửa theo ý kiến góp ý và nộp lại kế hoạch',
  DECIDE: 'Xem xét và quyết định (phê duyệt hoặc trả lại) kế hoạch đã nộp',
};
const ACTION_DEADLINE: Record<ReminderAction, string> = {
  SUBMIT: 'nộp kế hoạch',
  RESUBMIT: 'nộp lại kế hoạch',
  DECIDE: 'duyệt kế hoạch',
};
const LEVEL_NAME: Record<OverdueDigestRow['level'], string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

/** "còn 3 ngày làm việc", "hạn chót là hôm nay", "đã quá hạn 2 ngày làm việc" */
function timing(i: Pick<ReminderItem, 'workingDays' | 'dueToday'>): string {
  if (i.workingDays < 0) return `còn ${-i.workingDays} ngày làm việc`;
  if (i.workingDays > 0) return `đã quá hạn ${i.workingDays} ngày làm việc`;
  return i.dueToday ? 'hạn chót là hôm nay' : 'hôm nay là ngày làm việc cuối cùng trước hạn';
}

const itemFacts = (i: ReminderItem): [string, string][] => [
  ['Trường', i.schoolName],
  ['Kế hoạch', `${i.documentNumber} - ${i.campaignTitle}`],
  ['Việc cần làm', ACTION_TODO[i.action]],
  [`Hạn ${ACTION_DEADLINE[i.action]}`, `${i.deadline} (${timing(i)})`],
];

const FYI_TITLE = 'Để biết (Anh/Chị theo dõi, đôn đốc)';

/** The "Để biết" list: one line per plan someone else must act on. */
const fyiNotes = (fyi: ReminderItem[] | undefined): MailParts['notes'] =>
  fyi?.length
    ? {
        title: FYI_TITLE,
        lines: fyi.map((i) => ({
          text: `${i.schoolName} (${i.documentNumber}): hạn ${ACTION_DEADLINE[i.action]} ${i.deadline}, ${timing(i)}`,
          url: i.planUrl,
        })),
      }
    : undefined;

function renderReminder(d: ReminderMailData): RenderedMail {
  if (d.items.length === 0) return renderFyiOnly(d);
  const [only] = d.items;
  const single = d.items.length === 1;
  const late = d.items.some((i) => i.workingDays > 0);
  const canExtend = d.items.some((i) => i.action !== 'DECIDE');
  return compose({
    subject: single
      ? `[Duyệt] Nhắc hạn ${ACTION_DEADLINE[only.action]}: ${only.schoolName} - ${timing(only)}`
      : `[Duyệt] Nhắc việc ngày ${d.day}: ${d.items.length} kế hoạch cần xử lý`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      single
        ? `${d.officeName} nhắc Anh/Chị về kế hoạch sau (${timing(only)}):`
        : `${d.officeName} nhắc Anh/Chị về ${d.items.length} kế hoạch sau:`,
      ...(late ? ['Đề nghị Anh/Chị khẩn trương hoàn thành các việc đã quá hạn.'] : []),
      ...(canExtend ? ['Nếu cần thêm thời gian, Anh/Chị gửi đề nghị gia hạn kèm lý do trên hệ thống.'] : []),
    ],
    blocks: single
      ? undefined
      : d.items.map((i, n) => ({
          title: `${n + 1}. ${i.schoolName}`,
          facts: itemFacts(i).slice(1),
          link: { label: 'Mở kế hoạch', url: i.planUrl },
        })),
    facts: single ? itemFacts(only) : [],
    link: single ? { label: 'Mở kế hoạch', url: only.planUrl } : { label: 'Danh sách kế hoạch', url: d.listUrl },
    notes: fyiNotes(d.fyi),
    signature: d.officeName,
  });
}

/** Nothing to do oneself today, only others' deadlines to follow: the message is the "Để biết" list. */
function renderFyiOnly(d: ReminderMailData): RenderedMail {
  const fyi = d.fyi ?? [];
  const [only] = fyi;
  return compose({
    subject:
      fyi.length === 1
        ? `[Duyệt] Để biết hạn ${ACTION_DEADLINE[only.action]}: ${only.schoolName} - ${timing(only)}`
        : `[Duyệt] Để biết ngày ${d.day}: ${fyi.length} kế hoạch cần theo dõi`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [`${d.officeName} gửi Anh/Chị thông tin về tiến độ của các kế hoạch dưới đây để theo dõi, đôn đốc.`],
    facts: [],
    link: { label: 'Danh sách kế hoạch', url: d.listUrl },
    notes: fyiNotes(fyi),
    signature: d.officeName,
  });
}

function renderOverdueDigest(d: OverdueDigestMailData): RenderedMail {
  const cut = d.total > d.rows.length;
  const oneCampaign = d.campaignTitle !== undefined;
  return compose({
    subject: `[Duyệt] Tổng hợp kế hoạch quá hạn ngày ${d.day}: ${d.total} kế hoạch`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      oneCampaign
        ? `Đến ngày ${d.day}, đợt ${d.documentNumber} - ${d.campaignTitle} có ${d.total} kế hoạch chưa hoàn thành đúng hạn (số ngày tính theo ngày làm việc):`
        : `Đến ngày ${d.day}, các đợt kế hoạch đang triển khai có ${d.total} kế hoạch chưa hoàn thành đúng hạn (số ngày tính theo ngày làm việc):`,
      ...(cut
        ? [`Bảng dưới đây liệt kê ${d.rows.length} kế hoạch quá hạn lâu nhất; xem đầy đủ trên bảng theo dõi.`]
        : []),
    ],
    table: {
      head: ['STT', 'Trường', 'Cụm', 'Cấp học', ...(oneCampaign ? [] : ['Đợt']), 'Việc còn chờ', 'Hạn', 'Tình trạng'],
      rows: d.rows.map((r, n) => [
        String(n + 1),
        { text: r.schoolName, url: r.planUrl },
        r.clusterName,
        LEVEL_NAME[r.level],
        ...(oneCampaign ? [] : [r.documentNumber ?? '']),
        ACTION_DEADLINE[r.action],
        r.deadline,
        timing(r),
      ]),
    },
    facts: [],
    link: { label: 'Bảng theo dõi kế hoạch quá hạn', url: d.boardUrl },
    notes: fyiNotes(d.fyi),
    signature: d.officeName,
  });
}
