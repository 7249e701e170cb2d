const vi = {
	'nav.impact': 'Tác động',
	'impact.title': 'Tác động theo mô hình cộng đồng',
	'impact.intro':
		'Số kg nhựa đã tránh (hành động, cam kết) và đã thu gom (sân chơi tái chế) từ trước đến nay, theo từng mô hình, qua các trường và qua các khu dân cư của mô hình.',
	'impact.dualCredit':
		'Hai cột được tách riêng: hành động của học sinh được tính cho cả trường và khu dân cư của gia đình em, nên cộng hai cột sẽ bị tính hai lần.',
	'impact.model': 'Mô hình',
	'impact.noModel': '(Chưa gắn mô hình)',
	'impact.viaSchools': 'Qua trường học',
	'impact.viaNeighbourhoods': 'Qua khu dân cư',
	'impact.count.schools': '{n} trường',
	'impact.count.neighbourhoods': '{n} khu dân cư',
	'impact.avoided': 'Tránh được',
	'impact.collected': 'Thu gom',
	'impact.points': 'Điểm',
	'impact.kg': '{kg} kg',
	'impact.chart.label': 'Biểu đồ kg nhựa theo mô hình, qua trường học và qua khu dân cư',
	'impact.chart.axis': 'kg (tránh được + thu gom)',
	'impact.empty': 'Chưa có mô hình nào ghi nhận tác động.',
	'impact.csv': 'Tải bảng CSV'
} as const;

export default vi;
