/** Words of the district's people pages: import from Excel, the people list, one person. */

export type PositionKey =
  'HEAD' | 'DEPUTY_HEAD' | 'SPECIALIST' | 'CLERK' | 'PRINCIPAL' | 'DEPUTY_PRINCIPAL' | 'GROUP_LEADER' | 'STAFF';

/** The positions the office and a school have, in the order of the organisation chart (libs/domain positions.ts). */
export const OFFICE_POSITIONS: PositionKey[] = ['HEAD', 'DEPUTY_HEAD', 'SPECIALIST', 'CLERK'];
export const SCHOOL_POSITIONS: PositionKey[] = ['PRINCIPAL', 'DEPUTY_PRINCIPAL', 'GROUP_LEADER', 'STAFF'];

export const POSITION_LABEL: Record<PositionKey, string> = {
  HEAD: 'Trưởng phòng',
  DEPUTY_HEAD: 'Phó trưởng phòng',
  SPECIALIST: 'Chuyên viên',
  CLERK: 'Văn thư',
  PRINCIPAL: 'Hiệu trưởng',
  DEPUTY_PRINCIPAL: 'Phó hiệu trưởng',
  GROUP_LEADER: 'Tổ trưởng chuyên môn',
  STAFF: 'Giáo viên, nhân viên',
};

export type LevelKey = 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY';
export const LEVELS: LevelKey[] = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
export const LEVEL_LABEL: Record<LevelKey, string> = {
  PRESCHOOL: 'Mầm non',
  PRIMARY: 'Tiểu học',
  LOWER_SECONDARY: 'THCS',
};

export const importStrings = {
  title: 'Nhập từ Excel',
  intro:
    'Tải tệp mẫu, điền trường, người dùng và cụm trường, rồi tải lên. Duyệt kiểm tra thử toàn bộ tệp trước: chưa ghi gì cho tới khi bạn bấm “Áp dụng”. Nhập lại cùng mã trường, cùng e-mail thì cập nhật, không tạo bản trùng.',
  template: 'Tải tệp mẫu (.xlsx)',
  dropTitle: 'Chọn hoặc kéo thả tệp Excel (.xlsx) vào đây',
  dropHint: 'Một tệp theo mẫu; tệp được kiểm tra thử ngay, chưa ghi gì.',
  checking: 'Đang kiểm tra tệp…',
  fileLine: (name: string, kb: string) => `Tệp: ${name} (${kb} KB)`,
  okTitle: 'Tệp không có lỗi',
  okText: 'Bấm “Áp dụng” để ghi những thay đổi dưới đây.',
  problemsTitle: (n: number) => `Tệp có ${n} lỗi: chưa ghi gì`,
  problemsText: 'Sửa các lỗi dưới đây trong tệp rồi tải lên lại.',
  problemsShown: (shown: number, total: number) => `Đang hiện ${shown} lỗi đầu tiên trên tổng số ${total}.`,
  changesHeading: 'Những gì sẽ thay đổi',
  appliedChangesHeading: 'Những gì đã thay đổi',
  problemsHeading: 'Các lỗi trong tệp',
  sheet: 'Trang',
  kind: 'Loại',
  created: 'Tạo mới',
  updated: 'Cập nhật',
  unchanged: 'Giữ nguyên',
  clusters: 'Cụm trường',
  schools: 'Trường',
  users: 'Người dùng',
  row: 'Dòng',
  column: 'Cột',
  field: 'Tiêu đề cột',
  message: 'Lỗi',
  wholeSheet: 'Cả trang',
  invite: 'Gửi thư mời cho người dùng mới',
  apply: 'Áp dụng',
  another: 'Chọn tệp khác',
  appliedTitle: 'Đã nhập xong',
  appliedNothing: 'Huyện đã khớp với tệp: không có gì thay đổi.',
  appliedInvited: (n: number) => (n ? `Đã gửi thư mời đặt mật khẩu cho ${n} người dùng mới.` : ''),
};

export const peopleStrings = {
  title: 'Người dùng',
  search: 'Tìm theo họ tên hoặc e-mail',
  position: 'Chức vụ',
  allPositions: 'Mọi chức vụ',
  officeGroup: 'Phòng GD&ĐT',
  schoolGroup: 'Nhà trường',
  school: 'Trường',
  allSchools: 'Mọi trường',
  status: 'Trạng thái',
  allStatuses: 'Mọi trạng thái',
  active: 'Đang hoạt động',
  inactive: 'Đã khoá',
  erased: 'Đã xoá dữ liệu',
  fullName: 'Họ và tên',
  email: 'E-mail',
  office: 'Phòng GD&ĐT',
  actions: 'Thao tác',
  invite: 'Gửi thư mời',
  invited: (email: string, at: string) => `Đã gửi thư mời tới ${email}; liên kết dùng được đến ${at}.`,
  add: 'Thêm người dùng',
  addTitle: 'Thêm người dùng',
  acting: 'Giữ chức vụ ở dạng quyền (Q.)',
  displayTitle: 'Chức danh hiển thị',
  titleHint: 'Không bắt buộc; để trống thì lấy theo chức vụ.',
  schoolRequired: 'Chọn trường của người này',
  nameRequired: 'Nhập họ và tên',
  emailRequired: 'Nhập e-mail',
  positionRequired: 'Chọn chức vụ',
  sendInvitation: 'Gửi ngay thư mời đặt mật khẩu',
  save: 'Lưu',
  cancel: 'Huỷ',
  added: (name: string, invited: boolean) =>
    invited ? `Đã thêm ${name} và gửi thư mời đặt mật khẩu.` : `Đã thêm ${name}.`,
  empty: 'Không có người dùng nào khớp bộ lọc.',
  total: (n: number) => `${n} người`,
  clear: 'Bỏ lọc',
};

export const personStrings = {
  back: 'Danh sách người dùng',
  profile: 'Thông tin',
  createdAt: 'Tạo tài khoản',
  standing: 'Chức vụ và trường',
  standingHint:
    'Hiệu trưởng chuyển trường hoặc đổi chức vụ thì bàn giao các kế hoạch đang mở của trường: cho người kế nhiệm (người đó trở thành hiệu trưởng), hoặc để lãnh đạo Phòng giao sau.',
  successor: 'Người kế nhiệm (hiệu trưởng mới của trường)',
  noSuccessor: 'Chưa có: để lãnh đạo Phòng giao sau',
  successorActing: 'Người kế nhiệm giữ chức vụ ở dạng quyền (Q. hiệu trưởng)',
  saveStanding: 'Lưu thay đổi',
  saved: 'Đã lưu.',
  handedOver: (plans: number, school: string, to: string | null) =>
    to
      ? `Đã bàn giao ${plans} kế hoạch đang mở của ${school} cho ${to}.`
      : `${plans} kế hoạch đang mở của ${school} chờ lãnh đạo Phòng giao cho người khác.`,
  scope: 'Phạm vi duyệt',
  scopeHint: 'Phó trưởng phòng duyệt theo cấp học; chuyên viên duyệt theo cụm trường.',
  scopeLevels: 'Cấp học phụ trách',
  scopeClusters: 'Cụm trường phụ trách',
  saveScope: 'Lưu phạm vi duyệt',
  scopeSaved: 'Đã lưu phạm vi duyệt.',
  scopeNone: 'Chưa phụ trách',
  account: 'Tài khoản',
  deactivate: 'Khoá tài khoản',
  deactivateText:
    'Mọi phiên đăng nhập của người này kết thúc ngay. Hiệu trưởng bị khoá tài khoản bàn giao các kế hoạch đang mở như khi chuyển trường.',
  deactivateConfirm: 'Khoá tài khoản này?',
  deactivated: 'Đã khoá tài khoản.',
  reactivate: 'Mở lại tài khoản',
  reactivated: 'Đã mở lại tài khoản.',
  personalData: 'Dữ liệu cá nhân',
  personalDataText:
    'Theo Nghị định 13/2023/NĐ-CP: xuất mọi dữ liệu Duyệt giữ về người này (tệp JSON); xoá dữ liệu của người đã nghỉ (họ tên và e-mail thay bằng bí danh; quyết định đã ký và biên bản họp giữ nguyên).',
  export: 'Xuất dữ liệu cá nhân (JSON)',
  erase: 'Xoá dữ liệu cá nhân',
  eraseOnlyInactive: 'Chỉ xoá được dữ liệu của người đã khoá tài khoản.',
  eraseConfirmTitle: 'Xoá dữ liệu cá nhân của người này?',
  eraseConfirmText:
    'Họ tên và e-mail sẽ được thay bằng bí danh ở mọi nơi, không khôi phục được. Gõ lại e-mail của người này để xác nhận.',
  eraseConfirmLabel: 'E-mail của người này',
  eraseOk: 'Xoá dữ liệu',
  erased: (n: { signIns: number; emails: number; auditEvents: number }) =>
    `Đã xoá dữ liệu cá nhân: ${n.signIns} lần đăng nhập, ${n.emails} thư, ${n.auditEvents} mục nhật ký mang bí danh.`,
  erasedAt: (at: string) => `Dữ liệu cá nhân đã được xoá lúc ${at}.`,
};
