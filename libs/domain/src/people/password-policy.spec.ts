import { PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy';

const EMAIL = 'hieutruong.th-binh-minh@kienxuong.example';

describe('a new password', () => {
  it('is taken when long, personal to nobody and not a common one', () => {
    expect(passwordProblems('mùa thu lá vàng rơi 2026', EMAIL)).toEqual([]);
    expect(passwordProblems('Tr4ng-Tr0ng#Lua', EMAIL)).toEqual([]);
  });

  it(`is refused under ${PASSWORD_MIN_LENGTH} characters, counted as a person counts them`, () => {
    expect(passwordProblems('Ngắn#1', EMAIL)).toEqual(['Mật khẩu cần ít nhất 10 ký tự.']);
    // ten letters with diacritics are ten characters, not their UTF-16 or UTF-8 length
    expect(passwordProblems('đườngđườngđ', EMAIL)).toEqual([]);
  });

  it('is refused when it holds the e-mail or its name part', () => {
    expect(passwordProblems(`${EMAIL}!`, EMAIL)).toContain(
      'Mật khẩu không được chứa địa chỉ e-mail hay tên đăng nhập.',
    );
    expect(passwordProblems('X-HIEUTRUONG.TH-BINH-MINH-2026', EMAIL)).toContain(
      'Mật khẩu không được chứa địa chỉ e-mail hay tên đăng nhập.',
    );
  });

  it('is refused when it is one everybody uses, with or without digits after it', () => {
    for (const common of ['password123', 'qwertyuiop', '1234567890', 'Iloveyou12345', 'PASSWORD1234'])
      expect(passwordProblems(common, EMAIL)).toContain(
        'Mật khẩu này quá phổ biến, dễ bị đoán: hãy chọn một cụm từ khác.',
      );
  });

  it('is refused when it repeats one character', () => {
    expect(passwordProblems('aaaaaaaaaaaa', EMAIL)).toContain('Mật khẩu không được chỉ lặp lại một ký tự.');
  });
});
