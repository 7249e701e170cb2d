const vi = {
	'group.pointsWeek': 'Điểm tuần này',
	'group.pointsAll': 'Tổng điểm',
	'group.kgAvoided': 'Nhựa đã tránh',
	'group.kgCollected': 'Nhựa đã thu gom',
	'group.activeWeek': 'Thành viên tích cực tuần này',
	'group.class.title': 'Lớp {name}',
	'group.class.school': '{school} · khối {grade} · năm học {year}',
	'group.class.archived': 'Lớp này đã lưu trữ; lịch sử vẫn xem được.',
	'group.household.title': 'Hộ {name}',
	'group.household.neighbourhood': 'Thuộc {neighbourhood}',
	'group.sections': 'Hoạt động'
} as const;

export default vi;
