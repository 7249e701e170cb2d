import type { AreaKind, HostKind, ModelKind } from '$lib/domain/places';

/** Places the LSPP report names, as a tree (depth is data: Vietnam moved to two tiers in 2025). */
export const AREAS: { code: string; parent?: string; nameVi: string; nameEn: string; kind: AreaKind }[] = [
	{ code: 'ha-noi', nameVi: 'Hà Nội', nameEn: 'Hà Nội', kind: 'city' },
	{ code: 'bac-tu-liem', parent: 'ha-noi', nameVi: 'Bắc Từ Liêm', nameEn: 'Bắc Từ Liêm', kind: 'district' },
	{ code: 'lien-mac', parent: 'bac-tu-liem', nameVi: 'Liên Mạc', nameEn: 'Liên Mạc', kind: 'ward' },
	{ code: 'da-nang', nameVi: 'Đà Nẵng', nameEn: 'Đà Nẵng', kind: 'city' },
	{ code: 'cam-le', parent: 'da-nang', nameVi: 'Cẩm Lệ', nameEn: 'Cẩm Lệ', kind: 'district' },
	{ code: 'hoi-an', nameVi: 'Hội An', nameEn: 'Hội An', kind: 'city' },
	{ code: 'cam-nam', parent: 'hoi-an', nameVi: 'Cẩm Nam', nameEn: 'Cẩm Nam', kind: 'ward' }
];

type ModelSeed = {
	code: string;
	area: string;
	nameVi: string;
	nameEn: string;
	hostKind: HostKind;
	hostName: string;
	kind: ModelKind;
	descriptionVi: string;
	descriptionEn: string;
};

/**
 * The 12 LSPP community models, names exactly as the report writes them. Where the report does not
 * say where a model ran, it is placed under the city it most plausibly belongs to; organisers can
 * move it.
 */
export const COMMUNITY_MODELS: ModelSeed[] = [
	{
		code: 'green-homes-54',
		area: 'hoi-an',
		kind: 'green_home',
		hostKind: 'community',
		hostName: '',
		nameVi: 'Mô hình 54 Ngôi nhà xanh',
		nameEn: '54 Green Homes model',
		descriptionVi: 'Các hộ gia đình cam kết dùng đồ tái sử dụng và theo dõi lượng nhựa giảm được của cả nhà.',
		descriptionEn: 'Households pledge reusable items and track how much plastic the whole family avoids.'
	},
	{
		code: 'happy-shop',
		area: 'da-nang',
		kind: 'happy_shop',
		hostKind: 'shop',
		hostName: 'Cửa tiệm hạnh phúc',
		nameVi: 'Mô hình Cửa tiệm hạnh phúc – Tái chế rác thải tạo sinh kế',
		nameEn: 'Happy Shop model – recycling waste for livelihoods',
		descriptionVi:
			'Cửa tiệm là điểm thu gom: người dân mang nhựa đã phân loại đến, người thu gom cân và ghi điểm.',
		descriptionEn:
			'The shop is a collection point: people bring sorted plastic, a steward weighs it and records points.'
	},
	{
		code: 'green-tourism',
		area: 'hoi-an',
		kind: 'green_tourism',
		hostKind: 'other',
		hostName: '',
		nameVi: 'Mô hình Du lịch xanh',
		nameEn: 'Green tourism model',
		descriptionVi: 'Cơ sở du lịch và quán xá tham gia thử thách khu phố: không ống hút, cốc riêng, túi vải.',
		descriptionEn:
			'Tourism businesses and cafés join neighbourhood challenges: no straws, own cups, cloth bags.'
	},
	{
		code: 'green-living-club',
		area: 'da-nang',
		kind: 'club',
		hostKind: 'club',
		hostName: 'Câu lạc bộ Sống xanh',
		nameVi:
			'Sáng kiến “Huy động Câu lạc bộ Sống xanh tham gia quản lý rác thải tại cộng đồng, trong bối cảnh dịch Covid 19” năm 2021-2022',
		nameEn:
			'Initiative “Mobilising the Green Living Club to manage waste in the community during Covid-19”, 2021–2022',
		descriptionVi:
			'Câu lạc bộ là một khu dân cư loại “câu lạc bộ”: thành viên ghi hành động và thi đua theo hộ.',
		descriptionEn:
			'The club is a neighbourhood of kind “club”: members log actions and compete as households.'
	},
	{
		code: 'green-school',
		area: 'ha-noi',
		kind: 'green_school',
		hostKind: 'school',
		hostName: '',
		nameVi: 'Mô hình Trường học xanh nói không với rác nhựa',
		nameEn: 'Green school saying no to plastic waste',
		descriptionVi:
			'Lớp học thi đua trên bảng xếp hạng, giáo viên đặt mục tiêu lớp, học sinh mang bình nước và hộp cơm.',
		descriptionEn:
			'Classes race on leaderboards, teachers set class goals, students bring bottles and lunch boxes.'
	},
	{
		code: 'residential-area',
		area: 'da-nang',
		kind: 'residential',
		hostKind: 'womens_union',
		hostName: 'Hội Liên hiệp Phụ nữ',
		nameVi: 'Mô hình Khu dân cư giảm thiểu rác thải nhựa',
		nameEn: 'Residential area reducing plastic waste',
		descriptionVi: 'Các hộ trong khu dân cư thi đua giảm nhựa và phân loại rác tại nguồn.',
		descriptionEn: 'Households in a residential area compete to cut plastic and sort waste at source.'
	},
	{
		code: 'han-market',
		area: 'da-nang',
		kind: 'plastic_free_market',
		hostKind: 'market_board',
		hostName: 'Ban quản lý chợ Hàn',
		nameVi: 'Mô hình giảm nhựa tại chợ Hàn',
		nameEn: 'Plastic reduction at Hàn market',
		descriptionVi: 'Chợ là một khu dân cư loại “chợ”, mỗi sạp là một hộ: sạp thi đua từ chối túi nilon.',
		descriptionEn:
			'The market is a neighbourhood of kind “market” and each stall a household: stalls compete to refuse plastic bags.'
	},
	{
		code: 'cam-le-markets',
		area: 'cam-le',
		kind: 'plastic_free_market',
		hostKind: 'market_board',
		hostName: '',
		nameVi: 'Mô hình Giảm thiểu rác thải nhựa tại các chợ truyền thống trên địa bàn quận Cẩm Lệ',
		nameEn: 'Reducing plastic waste at the traditional markets of Cẩm Lệ district',
		descriptionVi: 'Nhiều chợ truyền thống cùng tham gia một thử thách theo địa bàn.',
		descriptionEn: 'Several traditional markets take part in one area challenge.'
	},
	{
		code: 'green-food-street',
		area: 'ha-noi',
		kind: 'green_food_street',
		hostKind: 'community',
		hostName: '',
		nameVi: 'Mô hình Khu phố ẩm thực xanh Tống Duy Tân – ngõ Cấm Chỉ',
		nameEn: 'Green food street Tống Duy Tân – Cấm Chỉ lane',
		descriptionVi:
			'Phố ẩm thực là khu dân cư loại “phố ẩm thực”, mỗi quán là một hộ: hộp đựng và cốc tái sử dụng.',
		descriptionEn:
			'The food street is a neighbourhood of kind “food street” and each stall a household: reusable boxes and cups.'
	},
	{
		code: 'zero-waste-school',
		area: 'ha-noi',
		kind: 'zero_waste_school',
		hostKind: 'school',
		hostName: '',
		nameVi: 'Mô hình trường học Không rác thải',
		nameEn: 'Zero-waste school',
		descriptionVi: 'Cả trường thi đua: thử thách toàn trường, cam kết của học sinh, góp nhựa cho sân chơi.',
		descriptionEn:
			'The whole school competes: school-wide challenges, student pledges, plastic for the playground.'
	},
	{
		code: 'lien-mac-playground',
		area: 'lien-mac',
		kind: 'recycled_playground',
		hostKind: 'womens_union',
		hostName: 'Hội phụ nữ Bắc Từ Liêm',
		nameVi:
			'Mô hình thu gom, phân loại và tái chế rác – Mô hình Sân chơi tái chế cộng động tại Liên Mạc của Hội phụ nữ Bắc Từ Liêm',
		nameEn:
			'Collecting, sorting and recycling waste – the community recycled playground at Liên Mạc by the Bắc Từ Liêm Women’s Union',
		descriptionVi:
			'Người dân mang nhựa đã phân loại đến điểm thu gom; nhựa trở thành sân chơi và ai cũng thấy tiến độ xây dựng.',
		descriptionEn:
			'People bring sorted plastic to collection points; it becomes a playground, with a public build tracker.'
	},
	{
		code: 'dinh-quan-pagoda',
		area: 'bac-tu-liem',
		kind: 'pagoda_sorting',
		hostKind: 'pagoda',
		hostName: 'Chùa Đình Quán',
		nameVi:
			'Mô hình Phân loại, chuyển hoá rác thải tại chùa Đình Quán được triển khai tại quận Bắc Từ Liêm – Hà Nội',
		nameEn: 'Sorting and converting waste at Đình Quán pagoda, Bắc Từ Liêm district, Hà Nội',
		descriptionVi: 'Chùa là điểm thu gom và phân loại; phật tử và người dân góp nhựa đã phân loại.',
		descriptionEn:
			'The pagoda is a collection and sorting point; visitors and neighbours bring sorted plastic.'
	}
];
