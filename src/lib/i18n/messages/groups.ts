import { defineMessages } from '../define';

export default defineMessages(
	{
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
	},
	{
		'group.pointsWeek': 'Points this week',
		'group.pointsAll': 'Total points',
		'group.kgAvoided': 'Plastic avoided',
		'group.kgCollected': 'Plastic collected',
		'group.activeWeek': 'Active members this week',
		'group.class.title': 'Class {name}',
		'group.class.school': '{school} · grade {grade} · school year {year}',
		'group.class.archived': 'This class is archived; its history stays readable.',
		'group.household.title': 'Household {name}',
		'group.household.neighbourhood': 'In {neighbourhood}',
		'group.sections': 'Activities'
	}
);
