import { eq } from 'drizzle-orm';
import type { Tx } from '../../client';
import { communityModel } from '../../schema';

interface Story {
	workedVi: string;
	workedEn: string;
	hardVi: string;
	hardEn: string;
	supportVi: string;
	supportEn: string;
	contact: string;
}

/**
 * What each of the 12 LSPP models shared at the year-two forum, as an organiser would write it on
 * the model's page (demo text in the spirit of the review; contacts are placeholders).
 */
const STORIES: Record<string, Story> = {
	'green-homes-54': {
		workedVi:
			'Mỗi nhà chọn một cam kết vừa sức (túi vải, bình nước, hộp cơm) và điểm danh hằng ngày; các nhà đi trước rủ nhà hàng xóm cùng tham gia.\nBảng tổng kết hằng tuần của khu phố giúp cả nhà thấy số nhựa đã tránh được.',
		workedEn:
			'Each home chose a pledge it could keep (cloth bag, bottle, lunch box) and checked in daily; the first homes brought their neighbours along.\nThe neighbourhood’s weekly summary let families see the plastic they had avoided.',
		hardVi: 'Giữ thói quen sau những tuần đầu; người lớn tuổi chưa quen dùng điện thoại để điểm danh.',
		hardEn: 'Keeping the habit after the first weeks; older people were not used to checking in on a phone.',
		supportVi:
			'Túi vải và bình nước cho các hộ khó khăn; một buổi hướng dẫn dùng ứng dụng cho người cao tuổi.',
		supportEn:
			'Cloth bags and bottles for families in need; a session showing older residents how to use the app.',
		contact: 'Ban điều phối 54 Ngôi nhà xanh · nha-xanh@example.org'
	},
	'happy-shop': {
		workedVi:
			'Cửa tiệm là điểm thu gom quen thuộc: người dân mang nhựa mềm, chai, nắp chai đã rửa sạch; các chị trong CLB Phụ nữ khuyết tật Cẩm Nam làm thành túi, chậu cây, đồ trang trí để bán.',
		workedEn:
			'The shop is a familiar drop-off: people bring clean soft plastic, bottles and caps; the women of the Cẩm Nam club for women with disabilities turn them into bags, planters and decorations to sell.',
		hardVi:
			'Sản phẩm cần cải thiện chất lượng và mẫu mã để cạnh tranh với hàng khác trong chợ; nhựa mang đến chưa sạch thì phải rửa lại.',
		hardEn:
			'The products need better quality and design to compete with other goods at the market; plastic that comes in dirty has to be washed again.',
		supportVi:
			'Ban Quản lý chợ Hội An đã nhận lời đưa sản phẩm vào chợ. Cần thêm tập huấn thiết kế và một nơi trưng bày cố định.',
		supportEn:
			'The Hội An market board agreed to bring the products into the market. Design training and a permanent display are still needed.',
		contact: 'Cửa tiệm hạnh phúc Cẩm Nam · happy-shop@example.org'
	},
	'green-tourism': {
		workedVi:
			'Homestay, quán cà phê và thuyền đèn cùng một thử thách cho cả phố cổ: ống hút tre, bình nước rót lại cho khách, túi vải.',
		workedEn:
			'Homestays, cafés and lantern boats share one challenge for the old town: bamboo straws, refill bottles for guests, cloth bags.',
		hardVi: 'Khách du lịch đông vào mùa cao điểm; chi phí ban đầu của đồ thay thế.',
		hardEn: 'Crowds of visitors in high season; the first cost of the alternatives.',
		supportVi: 'Một nhãn “cơ sở du lịch xanh” để khách nhận ra; nhà cung cấp ống hút tre, giấy với giá tốt.',
		supportEn:
			'A “green tourism” label visitors recognise; suppliers of bamboo and paper straws at fair prices.',
		contact: 'Nhóm Du lịch xanh Hội An · du-lich-xanh@example.org'
	},
	'green-living-club': {
		workedVi:
			'Câu lạc bộ giữ hoạt động cả trong mùa dịch: các gia đình phân loại rác tại nhà và cuối tuần cùng nhặt rác ở bờ biển.',
		workedEn:
			'The club kept going through the pandemic: families sort waste at home and pick up litter on the beach at weekends.',
		hardVi: 'Thành viên bận rộn; cần người dẫn dắt mới khi các bạn trẻ chuyển đi học, đi làm xa.',
		hardEn: 'Busy members; new leaders are needed when young members move away for study or work.',
		supportVi:
			'Găng tay, kẹp gắp rác, bao đựng; kết nối với đơn vị thu gom để rác đã phân loại không bị trộn lại.',
		supportEn:
			'Gloves, litter pickers, sacks; a link with the waste collector so sorted waste is not mixed again.',
		contact: 'CLB Sống xanh Đà Nẵng · clb-song-xanh@example.org'
	},
	'green-school': {
		workedVi:
			'Bảng xếp hạng lớp theo tuần và mục tiêu lớp do giáo viên đặt làm học sinh hào hứng; học sinh mang bình nước, hộp cơm mỗi ngày.',
		workedEn:
			'Weekly class leaderboards and goals set by teachers keep students keen; students bring bottles and lunch boxes every day.',
		hardVi: 'Căng-tin vẫn bán đồ uống đóng chai; phụ huynh cần hiểu vì sao.',
		hardEn: 'The canteen still sells bottled drinks; parents need to understand why.',
		supportVi: 'Máy lọc nước ở mỗi dãy lớp; tài liệu cho buổi họp phụ huynh.',
		supportEn: 'A water filter in every block of classrooms; material for parents’ meetings.',
		contact: 'Trường THCS Liên Mạc · thcs-lien-mac@example.org'
	},
	'residential-area': {
		workedVi: 'Tổ dân phố thi đua theo hộ; người thu gom của tổ xác nhận nhựa mang đến sân chơi.',
		workedEn:
			'Households in the neighbourhood compete; its steward confirms the plastic brought for the playground.',
		hardVi: 'Một số hộ ghi hành động trùng; cần người thu gom rà soát hằng tuần.',
		hardEn: 'Some households logged actions twice; the steward has to review every week.',
		supportVi: 'Thùng phân loại rác ở đầu ngõ; tập huấn phân loại cho tổ trưởng.',
		supportEn: 'Sorting bins at the end of each lane; sorting training for neighbourhood leaders.',
		contact: 'Hội Phụ nữ tổ dân phố Liên Mạc 3 · to-dan-pho@example.org'
	},
	'han-market': {
		workedVi:
			'Ban quản lý chợ vận động từng sạp; sạp gói hàng bằng lá, giấy và khuyến khích khách mang giỏ. Bảng xếp hạng các sạp làm tiểu thương thi đua.',
		workedEn:
			'The market board talked to every stall; stalls wrap goods in leaves and paper and encourage shoppers to bring baskets. The stall leaderboard got traders competing.',
		hardVi: 'Khách vẫn đòi túi nilon; túi thay thế đắt hơn.',
		hardEn: 'Shoppers still ask for plastic bags; the alternatives cost more.',
		supportVi: 'Túi vải mang logo chợ để tặng khách quen; loa phát thanh nhắc nhở trong chợ.',
		supportEn:
			'Market-branded cloth bags to give to regular shoppers; announcements over the market’s speakers.',
		contact: 'Ban quản lý chợ Hàn · cho-han@example.org'
	},
	'cam-le-markets': {
		workedVi: 'Ba chợ cùng một thử thách theo địa bàn: tiểu thương muốn chợ mình đứng đầu.',
		workedEn: 'Three markets in one area challenge: traders want their own market on top.',
		hardVi: 'Chợ nhỏ ít sạp, khó theo kịp chợ lớn; cần so sánh theo số sạp tham gia.',
		hardEn:
			'Small markets with few stalls struggle to keep up with big ones; comparing per active stall helps.',
		supportVi: 'Học hỏi cách làm của chợ Hàn; túi giấy cho các sạp thịt, cá.',
		supportEn: 'Learning from the Chợ Hàn model; paper bags for the meat and fish stalls.',
		contact: 'Ban quản lý các chợ quận Cẩm Lệ · cho-cam-le@example.org'
	},
	'green-food-street': {
		workedVi: 'Quán giảm giá cho khách mang hộp, cốc riêng; ống hút nhựa chỉ đưa khi khách hỏi.',
		workedEn:
			'Stalls give a discount to customers who bring their own box or cup; plastic straws only on request.',
		hardVi: 'Đơn hàng mang về qua ứng dụng giao đồ ăn vẫn dùng hộp xốp.',
		hardEn: 'Take-away orders through delivery apps still come in foam boxes.',
		supportVi: 'Làm việc với các ứng dụng giao đồ ăn; hộp giấy giá tốt cho quán nhỏ.',
		supportEn: 'Working with the delivery apps; affordable paper boxes for small stalls.',
		contact: 'Nhóm phố ẩm thực Tống Duy Tân · pho-am-thuc@example.org'
	},
	'zero-waste-school': {
		workedVi:
			'Mỗi lớp có góc phân loại rác và học sinh trực phân loại hằng ngày; rác hữu cơ ủ phân cho vườn trường.',
		workedEn:
			'Every class has a sorting corner and students on sorting duty each day; organic waste is composted for the school garden.',
		hardVi: 'Giữ được nề nếp sau kỳ nghỉ; học sinh nhỏ cần được nhắc nhiều lần.',
		hardEn: 'Keeping the routine after holidays; the youngest pupils need reminding often.',
		supportVi: 'Thùng phân loại đủ cho mọi lớp; tranh hướng dẫn phân loại dễ hiểu cho học sinh tiểu học.',
		supportEn: 'Sorting bins for every class; sorting posters a primary pupil understands.',
		contact: 'Trường Tiểu học Xuân Đỉnh · th-xuan-dinh@example.org'
	},
	'lien-mac-playground': {
		workedVi:
			'Nhựa đã phân loại trở thành ghế, cầu trượt, hàng rào cho các em; bảng tiến độ công khai cho mọi người thấy phần mình góp.',
		workedEn:
			'Sorted plastic becomes benches, a slide and a fence for the children; the public build tracker shows everyone their share.',
		hardVi: 'Gạch sinh thái đóng chưa đủ chặt; cần cân và kiểm tra tại điểm thu gom.',
		hardEn:
			'Some ecobricks are not packed tightly enough; they need weighing and checking at the collection point.',
		supportVi: 'Thợ thi công có kinh nghiệm với vật liệu tái chế; điểm thu gom thứ ba ở nhà văn hoá.',
		supportEn:
			'Builders experienced with recycled materials; a third collection point at the community house.',
		contact: 'Hội phụ nữ Bắc Từ Liêm · san-choi-lien-mac@example.org'
	},
	'dinh-quan-pagoda': {
		workedVi:
			'Chùa là nơi mọi người tin tưởng: phật tử mang rác đã phân loại đến vào ngày chủ nhật; tiền bán phế liệu dùng cho việc thiện.',
		workedEn:
			'People trust the pagoda: its community brings sorted waste on Sundays; the money from selling it goes to charity.',
		hardVi: 'Chỗ chứa nhỏ; nhựa mềm khó bán.',
		hardEn: 'Little storage space; soft plastic is hard to sell.',
		supportVi: 'Máy ép chai nhựa; đơn vị tái chế nhận nhựa mềm.',
		supportEn: 'A bottle press; a recycler that takes soft plastic.',
		contact: 'Chùa Đình Quán · chua-dinh-quan@example.org'
	}
};

/** Writes what each model shares on its public page. */
export async function seedModelStories(tx: Tx, now: Date) {
	for (const [code, story] of Object.entries(STORIES))
		await tx
			.update(communityModel)
			.set({ ...story, storyUpdatedAt: now })
			.where(eq(communityModel.code, code));
}
