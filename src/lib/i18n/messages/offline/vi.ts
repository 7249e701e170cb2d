const vi = {
	'offline.banner':
		'Không có mạng. Các trang đã mở trước đó vẫn dùng được; những gì bạn ghi sẽ được gửi khi có mạng.',
	'offline.copyAt': 'Đây là bản lưu trên máy lúc {time}; số liệu có thể chưa mới.',
	'offline.noscript':
		'Ghi khi mất mạng cần JavaScript. Không có JavaScript, biểu mẫu vẫn gửi bình thường khi có mạng.',
	'offline.pending.title': 'Đang chờ gửi ({n})',
	'offline.pending.intro': 'Các mục này được lưu trên máy này và tự gửi khi có mạng, theo thứ tự đã ghi.',
	'offline.refused.title': 'Cần xem lại ({n})',
	'offline.refused.intro': 'Máy chủ chưa nhận các mục này. Sửa rồi gửi lại, hoặc bỏ đi.',
	'offline.refused.reason': 'Lý do:',
	'offline.madeAt': 'Ghi lúc {time}',
	'offline.sendNow': 'Gửi ngay',
	'offline.sending': 'Đang gửi…',
	'offline.edit': 'Sửa',
	'offline.delete': 'Xoá',
	'offline.discard': 'Bỏ mục này',
	'offline.retry': 'Gửi lại',
	'offline.save': 'Lưu và gửi',
	'offline.cancel': 'Huỷ',
	'offline.editTitle': 'Sửa mục đang chờ',
	'offline.queued': 'Đã lưu trên máy. Mục này sẽ được gửi khi có mạng.',
	'offline.sent': 'Đã gửi {n} mục đang chờ.',
	'offline.someRefused': '{n} mục bị từ chối: xem lý do bên dưới.',
	'offline.unreachable': 'Chưa gửi được (chưa có mạng hoặc máy chủ bận). Sẽ tự thử lại.',
	'offline.signedOut': 'Hãy đăng nhập lại để gửi các mục đang chờ.',
	'offline.signOutPending': 'Máy này còn {n} mục chưa gửi. Đăng xuất sẽ xoá chúng. Vẫn đăng xuất?',
	'offline.tooOld': 'Mục này được ghi hơn {hours} giờ trước nên không gửi được nữa.',
	'offline.otherPerson': 'Mục này do người khác ghi trên máy này; chỉ người đó gửi được.',
	'offline.serverError': 'Máy chủ gặp sự cố nhiều lần khi nhận mục này. Hãy thử gửi lại sau.',
	'offline.day.today': 'hôm nay',
	'offline.day.yesterday': 'hôm qua',
	'offline.checkin': 'Điểm danh cam kết: {item}',
	'offline.directory.status': 'Tra cứu khi mất mạng: {n} hộ và học sinh (cập nhật {time}).',
	'offline.directory.pick': 'Chọn người mang đến'
} as const;

export default vi;
