const vi = {
	'auth.login.title': 'Đăng nhập',
	'auth.login.username': 'Email hoặc tên đăng nhập',
	'auth.login.password': 'Mật khẩu',
	'auth.login.submit': 'Đăng nhập',
	'auth.login.invalid': 'Tên đăng nhập hoặc mật khẩu không đúng.',
	'auth.login.locked': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
	'auth.login.noAccount': 'Chưa có tài khoản?',
	'auth.login.studentHint': 'Học sinh: dùng tên đăng nhập trên thẻ của em hoặc mã lớp từ thầy cô.',
	'auth.signup.title': 'Tạo tài khoản người lớn',
	'auth.signup.intro':
		'Dành cho giáo viên, thành viên hộ gia đình, người thu gom và ban tổ chức. Học sinh không cần email: hãy vào lớp bằng mã lớp.',
	'auth.signup.name': 'Họ tên',
	'auth.signup.nickname': 'Tên hiển thị công khai',
	'auth.signup.email': 'Email',
	'auth.signup.password': 'Mật khẩu (ít nhất 8 ký tự)',
	'auth.signup.role': 'Tôi là',
	'auth.signup.submit': 'Tạo tài khoản',
	'auth.signup.next':
		'Giờ hãy đăng nhập bằng email này và mật khẩu bạn vừa đặt. (Nếu email này đã có tài khoản ở đây, hãy dùng mật khẩu của tài khoản đó.)',
	'auth.signup.haveAccount': 'Đã có tài khoản?',
	'auth.logout.done': 'Bạn đã đăng xuất.',
	'auth.password.title': 'Đổi mật khẩu',
	'auth.password.current': 'Mật khẩu hiện tại',
	'auth.password.new': 'Mật khẩu mới',
	'auth.password.confirm': 'Nhập lại mật khẩu mới',
	'auth.password.mismatch': 'Hai mật khẩu không khớp.',
	'auth.password.wrong': 'Mật khẩu hiện tại không đúng.',
	'auth.password.changed': 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã bị đăng xuất.',
	'auth.password.tooShort': 'Mật khẩu cần ít nhất 8 ký tự.',
	'auth.password.tooLong': 'Mật khẩu tối đa 128 ký tự.',
	'auth.email.invalid': 'Email không hợp lệ.',
	'auth.account.title': 'Tài khoản của tôi',
	'auth.account.roles': 'Vai trò',
	'auth.account.username': 'Tên đăng nhập',
	'auth.account.language': 'Ngôn ngữ ưa dùng'
} as const;

export default vi;
