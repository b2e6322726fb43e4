// The e-mails about a person's account: an invitation to set a first password, a link to set a new one, and the
// notice that repeated wrong passwords locked the account for a while. None of them says more than its reader needs.
import { type RenderedMail, compose } from './template-parts';

interface AccountMailBase {
  recipientName: string;
  email: string;
  officeName: string;
}

export interface AccountInvitationMailData extends AccountMailBase {
  invitedBy: string;
  /** the page where the password is set, with the single-use token */
  url: string;
  /** formatVnDateTime: when the link stops working */
  expiresAt: string;
}

export interface PasswordResetMailData extends AccountMailBase {
  url: string;
  expiresAt: string;
}

export interface AccountLockedMailData extends AccountMailBase {
  /** formatVnDateTime: when signing in is possible again */
  lockedUntil: string;
  failures: number;
  /** the page to ask for a new password from */
  resetUrl: string;
}

export const renderAccountInvitation = (d: AccountInvitationMailData): RenderedMail =>
  compose({
    subject: `[Duyệt] Mời anh/chị sử dụng hệ thống Duyệt của ${d.officeName}`,
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      `${d.invitedBy} đã tạo tài khoản Duyệt cho anh/chị để soạn, nộp và duyệt kế hoạch với ${d.officeName}.`,
      `Hãy mở liên kết dưới đây để đặt mật khẩu. Liên kết chỉ dùng được một lần và hết hạn lúc ${d.expiresAt}.`,
    ],
    facts: [['Tên đăng nhập', d.email]],
    link: { label: 'Đặt mật khẩu', url: d.url },
    signature: d.officeName,
  });

export const renderPasswordReset = (d: PasswordResetMailData): RenderedMail =>
  compose({
    subject: '[Duyệt] Đặt lại mật khẩu',
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      'Có yêu cầu đặt lại mật khẩu cho tài khoản Duyệt của anh/chị.',
      `Liên kết dưới đây chỉ dùng được một lần và hết hạn lúc ${d.expiresAt}. Nếu anh/chị không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.`,
    ],
    facts: [['Tên đăng nhập', d.email]],
    link: { label: 'Đặt lại mật khẩu', url: d.url },
    signature: d.officeName,
  });

export const renderAccountLocked = (d: AccountLockedMailData): RenderedMail =>
  compose({
    subject: '[Duyệt] Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần',
    greeting: `Kính gửi ${d.recipientName},`,
    paragraphs: [
      `Tài khoản Duyệt của anh/chị vừa bị nhập sai mật khẩu ${d.failures} lần liên tiếp nên được tạm khóa đến ${d.lockedUntil}.`,
      'Nếu đó không phải anh/chị, hãy đặt lại mật khẩu và báo cho Phòng GD&ĐT.',
    ],
    facts: [['Tên đăng nhập', d.email]],
    link: { label: 'Đặt lại mật khẩu', url: d.resetUrl },
    signature: d.officeName,
  });
