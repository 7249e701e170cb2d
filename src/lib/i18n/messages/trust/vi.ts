// Who may see and do what: guardians and parent letters, household requests, drop-off cards,
// and the grant rules' refusals.
const vi = {
	'trust.member': 'Một thành viên',
	'trust.grant.studentAccount': 'Tài khoản học sinh không nhận được vai trò này.',
	'trust.grant.self': 'Không thể tự làm người giám hộ của chính mình.',
	'trust.grant.notStudent': 'Chỉ tài khoản học sinh mới có người giám hộ.',

	'trust.parentCode.bad': 'Mã này không đúng. Hãy xem lại thư của thầy cô.',
	'trust.parentCode.replaced': 'Mã này đã được thay bằng mã mới. Hãy xin thầy cô thư mới.',
	'trust.parentCode.used': 'Mã này đã được dùng. Mỗi mã chỉ dùng một lần: hãy xin thầy cô thư mới.',
	'trust.parentCode.expired': 'Mã này đã hết hạn. Hãy xin thầy cô thư mới.',
	'trust.parentCode.linked': 'Đã liên kết: bạn là người giám hộ của em.',
	'trust.parentCode.already': 'Bạn đã là người giám hộ của em này.',
	'trust.children.redeemTitle': 'Có thư của thầy cô?',
	'trust.children.redeemHelp':
		'Nhập mã trên thư gửi phụ huynh (hoặc quét mã QR trên thư). Mỗi mã dùng được một lần.',
	'trust.children.code': 'Mã phụ huynh',
	'trust.children.redeem': 'Liên kết với con',

	'trust.guardians.link': 'Phụ huynh: liên kết và thư gửi về nhà',
	'trust.guardians.title': 'Phụ huynh của lớp {name}',
	'trust.guardians.intro':
		'Phụ huynh chỉ liên kết được với con bằng thư có mã dùng một lần do thầy cô in, hoặc khi thầy cô liên kết một phụ huynh mình biết. Người đã liên kết xem được họ tên thật và dữ liệu của em, tải về và yêu cầu xoá.',
	'trust.guardians.issueAll': 'Tạo thư cho các em chưa có thư',
	'trust.guardians.issued': 'Đã tạo thư mới.',
	'trust.guardians.print': 'In thư gửi phụ huynh',
	'trust.guardians.reissue': 'Tạo mã mới',
	'trust.guardians.reissueFor': 'Tạo mã mới cho {name}',
	'trust.guardians.reissued': 'Đã tạo mã mới. Mã cũ không còn dùng được.',
	'trust.guardians.printOne': 'In thư',
	'trust.guardians.letter': 'Thư đang chờ: mã {code}, hết hạn {date}',
	'trust.guardians.noLetter': 'Chưa có thư đang chờ',
	'trust.guardians.none': 'Chưa có người giám hộ',
	'trust.guardians.via.code': 'qua thư phụ huynh',
	'trust.guardians.via.teacher': 'thầy cô liên kết',
	'trust.guardians.via.legacy': 'tự liên kết theo cách cũ: hãy kiểm tra',
	'trust.guardians.remove': 'Gỡ liên kết',
	'trust.guardians.removeFor': 'Gỡ liên kết {guardian} với {name}',
	'trust.guardians.removed': 'Đã gỡ liên kết.',
	'trust.guardians.notLinked': 'Không có liên kết này.',
	'trust.guardians.adult': 'Email hoặc tên đăng nhập của phụ huynh',
	'trust.guardians.linkFor': 'Liên kết phụ huynh thầy cô biết với {name}',
	'trust.guardians.linkButton': 'Liên kết',
	'trust.guardians.linked': 'Đã liên kết phụ huynh.',
	'trust.guardians.unknownAdult': 'Không tìm thấy tài khoản người lớn này.',
	'trust.guardians.notYourStudent': 'Em này không thuộc lớp của thầy cô.',
	'trust.guardians.notInClass': 'Em này không thuộc lớp.',

	'trust.letters.title': 'Thư gửi phụ huynh lớp {name}',
	'trust.letters.none': 'Không có thư nào đang chờ. Hãy tạo thư ở trang Phụ huynh của lớp.',
	'trust.letters.printButton': 'In thư',
	'trust.letters.greeting': 'Kính gửi phụ huynh em {name},',
	'trust.letters.body':
		'Lớp {class} ({school}) tham gia Sống Xanh: các em ghi lại việc làm không nhựa, giữ cam kết dùng đồ tái sử dụng và góp nhựa cho sân chơi tái chế.',
	'trust.letters.how':
		'Để xem, tải về hoặc xoá dữ liệu của con, hãy tạo tài khoản tại {url}, rồi nhập mã dưới đây ở trang «Con em» (hoặc quét mã QR). Mã dùng được một lần, đến hết ngày {date}.',
	'trust.letters.code': 'Mã phụ huynh',
	'trust.letters.keep':
		'Đừng đưa mã này cho người khác: ai nhập mã sẽ trở thành người giám hộ của em trên Sống Xanh.',
	'trust.letters.qr': 'Mã QR mở trang liên kết với con',
	'trust.letters.teacher': 'Giáo viên của lớp',

	'trust.household.notYours': 'Bạn không duyệt được yêu cầu của hộ này.',
	'trust.household.adultFirst':
		'Hộ chưa có người lớn: hãy duyệt một người lớn trước, rồi người đó duyệt các em.',
	'trust.household.unknownAdult': 'Không tìm thấy tài khoản người lớn này.',
	'trust.household.recovered': 'Hộ đã có người lớn phụ trách.',
	'trust.household.recoverTitle': 'Hộ không còn người lớn',
	'trust.household.recoverHelp':
		'Là người điều phối của khu dân cư (hoặc ban tổ chức), bạn có thể duyệt yêu cầu của một người lớn dưới đây, hoặc giao hộ cho một người lớn bạn đã gặp trực tiếp.',
	'trust.household.recoverLabel': 'Email hoặc tên đăng nhập của người lớn',
	'trust.household.recover': 'Giao hộ cho người này',
	'trust.household.left': 'Bạn đã rời hộ (hoặc rút yêu cầu).',
	'trust.household.nothingToLeave': 'Bạn không ở hộ nào.',
	'trust.household.withdraw': 'Rút yêu cầu',
	'trust.household.leave': 'Rời hộ',
	'trust.household.hiddenStudents': 'Cùng {n} học sinh (chỉ người trong hộ thấy tên các em).',
	'trust.household.kind.adult': 'người lớn',
	'trust.household.kind.student': 'học sinh',

	'trust.card.title': 'Thẻ góp nhựa',
	'trust.card.householdHelp':
		'Đưa thẻ này (hoặc đọc số thẻ) ở điểm thu gom để cộng điểm cho hộ. Thẻ chỉ để cộng điểm: không đăng nhập, không vào hộ được.',
	'trust.card.studentHelp':
		'Đưa thẻ này (hoặc đọc số thẻ) ở điểm thu gom để cộng điểm cho em, lớp và hộ. Thẻ chỉ để cộng điểm: không đăng nhập được.',
	'trust.card.qr': 'Mã QR thẻ góp nhựa',
	'trust.card.number': 'Số thẻ',
	'trust.card.reissue': 'Làm thẻ mới',
	'trust.card.confirm': 'Tôi hiểu thẻ cũ sẽ ngừng dùng',
	'trust.card.reissued': 'Đã làm thẻ mới. Thẻ cũ ngừng dùng.',
	'trust.card.loginCut': 'Cắt rời phần này: thẻ góp nhựa đưa cho người thu gom, không có mật khẩu.',

	'trust.serve.title': 'Các khu dân cư điểm này phục vụ',
	'trust.serve.help':
		'Người thu gom ở điểm này tìm được theo tên các hộ và học sinh của những khu này. Thẻ góp nhựa dùng được ở mọi điểm.',
	'trust.serve.none': 'Chưa phục vụ khu nào: chỉ nhận thẻ góp nhựa.',
	'trust.serve.add': 'Thêm khu dân cư',
	'trust.serve.neighbourhood': 'Khu dân cư',
	'trust.serve.added': 'Đã thêm khu dân cư cho điểm thu gom.',
	'trust.serve.unknown': 'Không có điểm thu gom hoặc khu dân cư này.'
} as const;

export default vi;
