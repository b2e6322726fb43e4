/** The main navigation: which pages each role works in, in the order they use them. */
export interface NavItem {
  to: string;
  label: string;
}

const SCHOOL: NavItem[] = [{ to: '/', label: 'Kế hoạch của trường' }];
const QUEUE: NavItem = { to: '/queue', label: 'Hàng chờ duyệt' };
const MEETINGS: NavItem = { to: '/meetings', label: 'Hội nghị duyệt' };
const CAMPAIGNS: NavItem = { to: '/campaigns', label: 'Đợt kế hoạch' };
const BOARD: NavItem = { to: '/board', label: 'Theo dõi nộp' };
const EXTENSIONS: NavItem = { to: '/extensions', label: 'Xin gia hạn' };
const CALENDAR: NavItem = { to: '/calendar', label: 'Lịch nghỉ' };
const DISTRICT: NavItem = { to: '/district', label: 'Trường và người dùng' };
const PROVINCE: NavItem = { to: '/province', label: 'Các huyện của tỉnh' };

const BY_ROLE: Record<string, NavItem[]> = {
  PRINCIPAL: SCHOOL,
  SCHOOL_STAFF: SCHOOL,
  REVIEWER: [QUEUE, MEETINGS, CAMPAIGNS],
  ADMIN: [QUEUE, CAMPAIGNS, BOARD, EXTENSIONS, MEETINGS, CALENDAR, DISTRICT],
  CLERK: [BOARD, CAMPAIGNS],
  // Sở GD&ĐT: its districts' summaries only (every other route refuses it)
  PROVINCE: [PROVINCE],
};

export const navFor = (role: string | undefined): NavItem[] => (role ? (BY_ROLE[role] ?? []) : []);

/** Where "home" is for a role: a school's plans, a reviewer's queue, the office's board, the province's districts. */
export const homeFor = (role: string | undefined): string => navFor(role)[0]?.to ?? '/';
