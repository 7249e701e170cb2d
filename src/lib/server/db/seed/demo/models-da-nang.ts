import { addDays } from '$lib/utils/dates';
import type { HistoryWriter } from './model-history';
import type { DemoContext } from './structure';

type Stall = { name: string; kind: 'market_stall' | 'food_stall' | 'shop' | 'family' };

const stalls = (...names: string[]): Stall[] => names.map((name) => ({ name, kind: 'market_stall' }));

/**
 * Đà Nẵng: the Green Living Club as a club whose member families sort waste and pick up litter on
 * weekends; Chợ Hàn as a market whose stalls refuse plastic bags in a month-long challenge; and
 * three traditional markets of Cẩm Lệ racing each other in an area challenge.
 */
export async function seedDaNangModels(w: HistoryWriter, ctx: DemoContext) {
	const haiChau = await w.addArea('da-nang', 'Hải Châu', 'Hải Châu');
	const camLe = await w.areaId('cam-le');
	const hoaXuan = await w.addArea('cam-le', 'Hòa Xuân', 'Hòa Xuân');

	// --- Green Living Club ---
	const club = await w.neighbourhood({
		name: 'Câu lạc bộ Sống xanh Đà Nẵng',
		areaId: haiChau,
		kind: 'club',
		model: 'green-living-club',
		usernamePrefix: 'demo-clb-song-xanh',
		households: [
			'Gia đình Biển Xanh',
			'Nhà Hoa Sữa',
			'Gia đình Cầu Rồng',
			'Nhà Sơn Trà',
			'Gia đình Mây Trắng',
			'Nhà Phượng Đỏ'
		].map((name) => ({ name, kind: 'family' as const }))
	});
	for (let back = 27; back >= 0; back--) {
		const day = addDays(ctx.today, -back);
		const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
		for (const h of club.households) {
			if (w.random() < 0.18)
				await w.log({ day, code: 'sort-waste', personId: h.adult, householdId: h.id, mode: 'household' });
			if (weekend && w.random() < 0.35)
				await w.log({
					day,
					code: 'pick-litter',
					count: 2,
					personId: h.adult,
					householdId: h.id,
					mode: 'household'
				});
		}
	}

	// --- Chợ Hàn: stalls refuse plastic bags ---
	const han = await w.neighbourhood({
		name: 'Chợ Hàn',
		areaId: haiChau,
		kind: 'market',
		model: 'han-market',
		usernamePrefix: 'demo-cho-han',
		households: stalls(
			'Sạp rau Cô Hạnh',
			'Sạp trái cây Bà Năm',
			'Sạp hải sản Anh Tùng',
			'Sạp khô mực Chị Lài',
			'Sạp gia vị Cô Út',
			'Sạp bánh tráng Bảy Mai'
		)
	});
	const bags = await w.challenge(
		{
			title: 'Chợ Hàn: một tháng nói không với túi nilon',
			description: 'Mỗi lần khách dùng giỏ, túi vải hoặc sạp gói bằng lá, giấy là một lần từ chối túi nilon.',
			scope: 'neighbourhood',
			neighbourhoodId: han.id,
			modelId: w.modelId('han-market'),
			startDay: addDays(ctx.today, -24),
			endDay: addDays(ctx.today, 6),
			createdBy: ctx.organiserId
		},
		[
			['refuse-bag', 6],
			['own-cup', 8]
		],
		[{ neighbourhoodId: han.id }]
	);
	for (let back = 24; back >= 1; back--) {
		const day = addDays(ctx.today, -back);
		// Every stall on the first day, then more of them as the month goes on.
		const joining = back === 24 ? 1 : 0.15 + (0.35 * (24 - back)) / 24;
		for (const h of han.households)
			if (w.random() < joining)
				await w.log({
					day,
					code: 'refuse-bag',
					count: 3 + Math.floor(w.random() * 3),
					personId: h.adult,
					householdId: h.id,
					mode: 'household',
					challenge: bags
				});
	}

	// --- Cẩm Lệ: three traditional markets in one area challenge ---
	const markets = [];
	for (const [i, [name, names]] of (
		[
			['Chợ Cẩm Lệ', ['Sạp thịt Chú Sáu', 'Sạp rau Chị Thơm', 'Sạp đậu hũ Cô Mận']],
			['Chợ Hòa Xuân', ['Sạp cá Bà Chín', 'Sạp trái cây Chị Huệ', 'Sạp bún Cô Lựu']],
			['Chợ Phong Bắc', ['Sạp tạp hoá Anh Bình', 'Sạp rau Bà Tám', 'Sạp gạo Chú Lâm']]
		] as const
	).entries())
		markets.push(
			await w.neighbourhood({
				name,
				areaId: i === 1 ? hoaXuan : camLe,
				kind: 'market',
				model: 'cam-le-markets',
				usernamePrefix: `demo-cho-cam-le-${i + 1}`,
				households: stalls(...names)
			})
		);
	const race = await w.challenge(
		{
			title: 'Ba chợ Cẩm Lệ thi đua giảm túi nilon',
			description:
				'Chợ Cẩm Lệ, chợ Hòa Xuân và chợ Phong Bắc thi đua: sạp nào, chợ nào từ chối nhiều túi nilon hơn.',
			scope: 'area',
			areaId: camLe,
			modelId: w.modelId('cam-le-markets'),
			startDay: addDays(ctx.today, -13),
			endDay: addDays(ctx.today, 16),
			createdBy: ctx.organiserId
		},
		[['refuse-bag', 5]],
		markets.map((m) => ({ neighbourhoodId: m.id }))
	);
	for (let back = 13; back >= 0; back--) {
		const day = addDays(ctx.today, -back);
		for (const [i, m] of markets.entries())
			for (const h of m.households)
				if (back === 13 || w.random() < 0.2 + i * 0.08)
					await w.log({
						day,
						code: 'refuse-bag',
						count: 2 + Math.floor(w.random() * 4),
						personId: h.adult,
						householdId: h.id,
						mode: 'household',
						challenge: race
					});
	}
}
