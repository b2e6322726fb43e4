import type { AuditType } from '@duyet/database';
import { formatLocalDay, formatVnDateTime } from '../common/format';
import { POSITION_LABEL } from '../people/positions';
import type { AuditData } from './audit-events';

/** Who did it, as the trail names them: "Phó trưởng phòng Nguyễn Văn A"; nobody is the system itself. */
export interface AuditActorName {
  fullName: string;
  title: string;
}

/** An event of the trail with its data as its type declares. */
export type DescribedEvent = {
  [K in AuditType]: { type: K; data: AuditData[K]; actor: AuditActorName | null };
}[AuditType];

// Rows written before a type's data was declared may lack a field: each sentence reads what it needs defensively
// and says less rather than "undefined".
const at = (iso: unknown): string | null => {
  if (typeof iso !== 'string' && !(iso instanceof Date)) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : formatVnDateTime(date);
};
const day = (value: unknown): string | null =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatLocalDay(value) : null;
const quoted = (text: unknown): string => (typeof text === 'string' && text.trim() ? `: “${text.trim()}”` : '');
const version = (n: unknown): string => (typeof n === 'number' ? ` lần nộp thứ ${n}` : '');
const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** " prefix value", or nothing when the value is missing. */
const opt = (prefix: string, v: unknown): string =>
  (text(v) ?? num(v)) !== null ? `${prefix}${text(v) ?? num(v)}` : '';
const file = (name: unknown): string => (text(name) ? `tệp “${text(name)}”` : 'một tệp');
const school = (code: unknown): string => (text(code) ? `trường ${text(code)}` : 'một trường');

const DEADLINE_KIND: Record<string, string> = {
  SUBMISSION: 'hạn nộp',
  REVISION: 'hạn nộp lại',
  REVIEW: 'hạn xét duyệt',
};
const STAGE: Record<string, string> = { LAUNCH: 'mở đợt', CLOSE: 'kết thúc đợt', DEADLINE: 'xử lý hạn nộp' };

function who(actor: AuditActorName | null): string {
  if (!actor) return 'Hệ thống';
  const title = actor.title.trim();
  const name = actor.fullName.trim();
  if (!title) return name;
  return `${title.charAt(0).toUpperCase()}${title.slice(1)} ${name}`;
}

function draftSaved(data: AuditData['PLAN_DRAFT_SAVED']): string {
  const sections = count(data.changed?.sections);
  const indicators = count(data.changed?.indicators);
  const parts = [sections ? `${sections} mục` : '', indicators ? `${indicators} chỉ tiêu` : ''].filter(Boolean);
  return parts.length ? `lưu bản nháp (sửa ${parts.join(', ')})` : 'lưu bản nháp';
}

function extended(data: AuditData['DEADLINE_EXTENDED']): string {
  const until = at(data.until);
  const to = until ? ` đến ${until}` : '';
  if ('scope' in data) return `gia hạn nộp cho cả đợt${to}${quoted(data.reason)}`;
  return `gia hạn ${DEADLINE_KIND[data.kind] ?? 'hạn'}${to}${quoted(data.reason)}`;
}

function dayChanged(data: AuditData['DAY_OVERRIDE_CHANGED']): string {
  const date = opt(' ngày ', day(data.date) ?? data.date);
  if (!data.after) return `bỏ điều chỉnh lịch${date}, trở lại lịch chung`;
  const kind = data.after.kind === 'DAY_OFF' ? 'ngày nghỉ' : 'ngày làm việc';
  return `đặt${date || ' một ngày'} là ${kind}${opt(' ', text(data.after.name) && `(${data.after.name})`)}`;
}

function delegation(data: AuditData['DELEGATION_RECORDED']): string {
  const kind = { TUQ: ' ký thừa ủy quyền (TUQ)', TL: ' ký thừa lệnh (TL)' }[String(data.kind)] ?? ' ký';
  const from = day(data.startsOn);
  const to = day(data.endsOn);
  return `việc giao${kind}${opt(' của ', data.from?.fullName)}${opt(' cho ', data.to?.fullName)}${from ? ` từ ${from}` : ''}${to ? ` đến ${to}` : ''}`;
}

const LEVEL: Record<string, string> = { PRESCHOOL: 'mầm non', PRIMARY: 'tiểu học', LOWER_SECONDARY: 'THCS' };
const SCHOOL_FIELD: Record<string, string> = {
  name: 'tên',
  level: 'cấp học',
  cluster: 'cụm',
  commune: 'xã/phường',
  students: 'số học sinh',
};
const USER_FIELD: Record<string, string> = {
  fullName: 'họ tên',
  title: 'chức danh hiển thị',
  acting: 'dạng quyền (Q.)',
};
const name = (person: unknown): string => text((person as { fullName?: unknown } | null)?.fullName) ?? 'một người';
const positionLabel = (p: unknown, acting?: unknown): string | null => {
  const label = typeof p === 'string' ? POSITION_LABEL[p as keyof typeof POSITION_LABEL] : undefined;
  if (!label) return null;
  return acting === true ? `Q. ${label.toLocaleLowerCase('vi')}` : label.toLocaleLowerCase('vi');
};
const fieldsOf = (changed: unknown, labels: Record<string, string>): string[] =>
  Object.keys(changed && typeof changed === 'object' ? changed : {}).flatMap((k) => (labels[k] ? [labels[k]] : []));

function schoolChanged(data: AuditData['SCHOOL_CHANGED']): string {
  const fields = fieldsOf(data.after, SCHOOL_FIELD);
  return `sửa thông tin ${school(data.code)}${fields.length ? ` (${fields.join(', ')})` : ''}`;
}

function userChanged(data: AuditData['USER_CHANGED']): string {
  const before = data.before ?? {};
  const after = data.after ?? {};
  const parts: string[] = [];
  const from = positionLabel(before.position ?? after.position, before.acting);
  const to = positionLabel(after.position ?? before.position, after.acting ?? before.acting);
  if ('position' in after && from && to) parts.push(`chức vụ từ ${from} sang ${to}`);
  if ('school' in after) {
    const a = text(before.school) ? `trường ${before.school}` : 'Phòng';
    const b = text(after.school) ? `trường ${after.school}` : 'Phòng';
    parts.push(`từ ${a} sang ${b}`);
  }
  const others = fieldsOf(after, USER_FIELD).filter((f) => !('position' in after && f === USER_FIELD.acting));
  if (others.length) parts.push(`sửa ${others.join(', ')}`);
  return `cập nhật ${name(data.user)}${parts.length ? `: ${parts.join('; ')}` : ''}${handedOver(data.handedOver)}`;
}

function handedOver(h: AuditData['USER_CHANGED']['handedOver']): string {
  if (!h || !num(h.plans)) return '';
  return h.to
    ? `; bàn giao ${h.plans} kế hoạch đang mở của ${school(h.school)} cho ${name(h.to)}`
    : `; ${h.plans} kế hoạch đang mở của ${school(h.school)} chờ lãnh đạo Phòng giao người phụ trách`;
}

function scope(data: AuditData['REVIEW_SCOPE_CHANGED']): string {
  const after = data.after ?? { levels: [], clusters: [] };
  const levels = (Array.isArray(after.levels) ? after.levels : []).map((l) => LEVEL[l] ?? l);
  const clusters = Array.isArray(after.clusters) ? after.clusters : [];
  const parts = [
    levels.length ? `cấp ${levels.join(', ')}` : '',
    clusters.length ? `cụm ${clusters.join(', ')}` : '',
  ].filter(Boolean);
  return `đặt phạm vi duyệt của ${name(data.user)}: ${parts.length ? parts.join('; ') : 'không còn trường nào'}`;
}

function peopleImported(data: AuditData['PEOPLE_IMPORTED']): string {
  const part = (what: string, c: AuditData['PEOPLE_IMPORTED']['users'] | undefined) => {
    const created = num(c?.created) ?? 0;
    const updated = num(c?.updated) ?? 0;
    return created || updated ? [`${what}: ${created} mới, ${updated} cập nhật`] : [];
  };
  const parts = [...part('trường', data.schools), ...part('người dùng', data.users), ...part('cụm', data.clusters)];
  const invited = num(data.invited) ? `; gửi thư mời ${data.invited} người` : '';
  return `nhập danh sách trường và người dùng từ ${file(data.fileName)}${parts.length ? ` (${parts.join('; ')}${invited})` : ''}`;
}

/** What happened, after the actor's name: "trả lại để chỉnh sửa, hạn 17:00 03/01/2027". */
function what(e: DescribedEvent): string {
  switch (e.type) {
    case 'CAMPAIGN_CREATED':
      return `ban hành đợt kế hoạch${opt(' ', e.data.documentNumber)}`;
    case 'CAMPAIGN_PLANS_OPENED':
      return `mở kế hoạch cho ${opt('', e.data.plansStarted) || 'các'} trường`;
    case 'PLAN_DRAFT_STARTED':
      return e.data.from === 'RETURNED' ? 'bắt đầu chỉnh sửa kế hoạch theo góp ý' : 'bắt đầu soạn kế hoạch';
    case 'PLAN_SUBMITTED': {
      const late = e.data.late ? ', sau hạn' : '';
      const warnings = count(e.data.warnings);
      return `nộp kế hoạch (${version(e.data.versionNo).trim()})${late}${warnings ? `, kèm ${warnings} cảnh báo` : ''}`;
    }
    case 'PLAN_APPROVED':
      return `phê duyệt${version(e.data.versionNo)}`;
    case 'PLAN_RETURNED': {
      const until = at(e.data.outcome?.deadlines?.revision);
      return `trả lại${version(e.data.versionNo)} để chỉnh sửa${until ? `, hạn ${until}` : ''}`;
    }
    case 'PLAN_WITHDRAWN':
      return `rút${version(e.data.versionNo)} về bản nháp`;
    case 'PLAN_REVIEW_STARTED':
      return `bắt đầu xét duyệt${version(e.data.outcome?.versionNo)}`;
    case 'PLAN_RECOMMENDED':
      return `đề xuất ${e.data.kind === 'RECOMMEND_RETURN' ? 'trả lại' : 'phê duyệt'}${version(e.data.versionNo)}`;
    case 'PLAN_EXEMPTED':
      return `miễn cho trường không phải nộp kế hoạch${quoted(e.data.reason)}`;
    case 'PLAN_REOPENED': {
      const until = at(e.data.deadline);
      return `mở lại kế hoạch đã duyệt để điều chỉnh${until ? `, hạn ${until}` : ''}`;
    }
    case 'PLAN_CLOSED':
      return `đóng kế hoạch khi chưa được phê duyệt${quoted(e.data.reason)}`;
    case 'PLAN_REVIEWER_ASSIGNED':
      return 'phân công người duyệt khác cho kế hoạch';
    case 'PLAN_DRAFT_SAVED':
      return draftSaved(e.data);
    case 'COMMENT_ADDED':
      if (e.data.parentId) return 'trả lời một góp ý';
      if (e.data.anchorType === 'SECTION') return 'ghi góp ý về một mục của kế hoạch';
      if (e.data.anchorType === 'INDICATOR') return 'ghi góp ý về một chỉ tiêu';
      return 'ghi góp ý chung về kế hoạch';
    case 'COMMENT_RESOLVED':
      return `đánh dấu một góp ý là đã giải quyết ở${version(e.data.versionNo)}`;
    case 'ATTACHMENT_ADDED':
      return `đính kèm ${file(e.data.fileName)}`;
    case 'ATTACHMENT_REMOVED':
      return `gỡ ${file(e.data.fileName)} khỏi bản nháp`;
    case 'CAMPAIGN_SCHOOL_ADDED':
      return `thêm ${school(e.data.schoolCode)} vào đợt`;
    case 'CAMPAIGN_SCHOOL_REMOVED':
      return `đưa ${school(e.data.schoolCode)} ra khỏi đợt${quoted(e.data.reason)}`;
    case 'CAMPAIGN_CLOSED':
      return `kết thúc đợt kế hoạch${quoted(e.data.reason)}`;
    case 'CAMPAIGN_PROBLEM':
      return `gặp sự cố khi ${STAGE[e.data.stage] ?? 'xử lý đợt'}${quoted(e.data.message)}`;
    case 'DEADLINE_EXTENDED':
      return extended(e.data);
    case 'EXTENSION_REQUESTED': {
      const until = at(e.data.requestedUntil);
      return `đề nghị gia hạn${until ? ` đến ${until}` : ''}${quoted(e.data.reason)}`;
    }
    case 'EXTENSION_GRANTED':
      return 'chấp thuận đề nghị gia hạn';
    case 'EXTENSION_REFUSED':
      return `không chấp thuận đề nghị gia hạn${quoted(e.data.note)}`;
    case 'REMINDER_SENT': {
      const date = day(e.data.day);
      return `gửi${opt(' ', e.data.emails)} e-mail nhắc hạn${date ? ` ngày ${date}` : ''}`;
    }
    case 'DAY_OVERRIDE_CHANGED':
      return dayChanged(e.data);
    case 'REMINDER_HOUR_CHANGED':
      return `đổi giờ gửi nhắc hạn hằng ngày${opt(' từ ', e.data.before)}${opt(' sang ', e.data.after)}`;
    case 'MEETING_SCHEDULED': {
      const when = at(e.data.startsAt);
      return `lên lịch họp duyệt kế hoạch${opt(' cụm ', e.data.cluster)}${when ? ` lúc ${when}` : ''}${opt(' tại ', e.data.venue)}`;
    }
    case 'MEETING_RESCHEDULED': {
      const when = at(e.data.to?.startsAt);
      return `dời cuộc họp duyệt kế hoạch${when ? ` sang ${when}` : ''}${opt(' tại ', e.data.to?.venue)}`;
    }
    case 'MEETING_SLOTS_REORDERED':
      return 'đổi thứ tự trình bày của các trường trong cuộc họp';
    case 'MEETING_SCHOOL_ADDED':
      return 'from' in e.data
        ? `chuyển ${school(e.data.school)} sang một cuộc họp khác`
        : `thêm ${school(e.data.school)} vào cuộc họp`;
    case 'MEETING_SCHOOL_REMOVED':
      return `đưa ${school(e.data.school)} ra khỏi cuộc họp${quoted(e.data.reason)}`;
    case 'MEETING_CANCELLED':
      return `hủy ${text(e.data.title) ? `cuộc họp “${text(e.data.title)}”` : 'một cuộc họp'}${quoted(e.data.reason)}`;
    case 'MEETING_ATTENDANCE_RECORDED':
      return num(e.data.present) === null
        ? 'ghi danh sách dự họp'
        : `ghi danh sách dự họp: ${e.data.present} người có mặt, ${num(e.data.absent) ?? 0} người vắng`;
    case 'MEETING_OUTCOME_RECORDED':
      return `ghi kết quả họp: ${e.data.outcome === 'APPROVED' ? 'kế hoạch được thông qua' : 'kế hoạch cần chỉnh sửa'}`;
    case 'EMAIL_RESENT':
      return `gửi lại e-mail${text(e.data.subject) ? ` “${text(e.data.subject)}”` : ''}${opt(' đến ', e.data.to)}`;
    case 'DELEGATION_RECORDED':
      return `ghi nhận ${delegation(e.data)}`;
    case 'DELEGATION_REVOKED':
      return `thu hồi ${delegation(e.data)}${quoted(e.data.reason)}`;
    case 'CLUSTER_CREATED':
      return `thêm cụm trường${opt(' ', e.data.name)}${opt(' (mã ', e.data.code)}${text(e.data.code) ? ')' : ''}`;
    case 'CLUSTER_RENAMED':
      return `đổi tên cụm${opt(' ', e.data.code)}${opt(' từ “', e.data.before)}${text(e.data.before) ? '”' : ''}${opt(' thành “', e.data.after)}${text(e.data.after) ? '”' : ''}`;
    case 'CLUSTER_REMOVED':
      return `xoá cụm trường${opt(' ', e.data.name)}`;
    case 'SCHOOL_CREATED':
      return `thêm ${text(e.data.after?.name) ?? school(e.data.code)} vào huyện`;
    case 'SCHOOL_CHANGED':
      return schoolChanged(e.data);
    case 'SCHOOL_CLOSED':
      return `đóng ${text(e.data.name) ?? school(e.data.code)}, không giao kế hoạch mới${quoted(e.data.reason)}`;
    case 'SCHOOL_REOPENED':
      return `mở lại ${text(e.data.name) ?? school(e.data.code)}`;
    case 'USER_CREATED': {
      const position = positionLabel(e.data.after?.position, e.data.after?.acting);
      const where = text(e.data.after?.school) ? ` trường ${e.data.after.school}` : '';
      return `thêm người dùng ${name(e.data.user)}${position ? ` (${position}${where})` : ''}${e.data.invited ? ', gửi thư mời' : ''}`;
    }
    case 'USER_CHANGED':
      return userChanged(e.data);
    case 'USER_DEACTIVATED':
      return `khoá tài khoản của ${name(e.data.user)}${handedOver(e.data.handedOver)}`;
    case 'USER_REACTIVATED':
      return `mở lại tài khoản của ${name(e.data.user)}`;
    case 'REVIEW_SCOPE_CHANGED':
      return scope(e.data);
    case 'PLAN_HANDED_OVER':
      return e.data.to
        ? `bàn giao kế hoạch của hiệu trưởng ${name(e.data.from)} cho ${name(e.data.to)}`
        : `ghi nhận hiệu trưởng ${name(e.data.from)} đã rời trường; kế hoạch chờ lãnh đạo Phòng giao người phụ trách`;
    case 'PERSONAL_DATA_EXPORTED':
      return `xuất dữ liệu cá nhân của ${name(e.data.user)}`;
    case 'USER_ERASED':
      return `xoá dữ liệu cá nhân của người đã nghỉ việc (nay là ${name(e.data.user)})`;
    case 'PHASE_OPENED': {
      const left = Array.isArray(e.data.exceptions) ? e.data.exceptions.length : 0;
      return `mở ${opt('', e.data.phaseName) || 'giai đoạn'} để các trường tự đánh giá (${num(e.data.schools) ?? '?'} trường${left ? `, trừ ${left} trường` : ''}, hạn ${at(e.data.submissionDeadline) ?? '?'})`;
    }
    case 'PAPER_COPIES_RECEIVED':
      return num(e.data.copies) === null
        ? 'ghi nhận bản giấy của kế hoạch'
        : `ghi nhận ${e.data.copies} bản giấy của kế hoạch (đã nhận ${num(e.data.total) ?? e.data.copies}/${num(e.data.required) ?? '?'} bản)`;
    case 'PEOPLE_IMPORTED':
      return peopleImported(e.data);
  }
}

/**
 * One event of an audit trail as one plain Vietnamese sentence, the actor first:
 * "Phó trưởng phòng Nguyễn Văn A trả lại lần nộp thứ 1 để chỉnh sửa, hạn 17:00 03/01/2027."
 */
export function describeAuditEvent(event: DescribedEvent): string {
  // A JSON column may hold null: read as an event without details.
  const data = (event.data ?? {}) as DescribedEvent['data'];
  return `${who(event.actor)} ${what({ ...event, data } as DescribedEvent)}.`;
}
