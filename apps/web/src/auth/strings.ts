export const authStrings = {
  title: 'Đăng nhập',
  intro: 'Dùng tài khoản Phòng GD&ĐT cấp cho bạn.',
  email: 'E-mail',
  password: 'Mật khẩu',
  submit: 'Đăng nhập',
  emailRequired: 'Cần nhập e-mail',
  passwordRequired: 'Cần nhập mật khẩu',
  sessionExpired: 'Phiên làm việc đã hết hạn hoặc bạn chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.',
};
