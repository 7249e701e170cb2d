import type { PledgeItemCode } from '$lib/pledges/items';
import { addDays } from '$lib/utils/dates';
import type { HistoryWriter } from './model-history';
import type { DemoContext } from './structure';

const ITEMS: PledgeItemCode[] = ['bag', 'bottle', 'lunchbox', 'cup'];

/**
 * Hội An: the 54 green homes of Cẩm Châu, each with a household pledge (homes joined over three
 * weeks, the first eight kept a 7-day pledge and went on to 21 days); green-tourism businesses
 * (homestays, cafés, a boat tour) racing in an area challenge for the old town; and in Cẩm Nam the
 * "happy shop" collection point whose plastic feeds the women's club's recycling workshop.
 */
export async function seedHoiAnModels(w: HistoryWriter, ctx: DemoContext) {
	const camChau = await w.addArea('hoi-an', 'Cẩm Châu', 'Cẩm Châu');
	const minhAn = await w.addArea('hoi-an', 'Minh An', 'Minh An');
	const camNam = await w.areaId('cam-nam');

	// --- 54 green homes ---
	const homes = await w.neighbourhood({
		name: '54 Ngôi nhà xanh – Cẩm Châu',
		areaId: camChau,
		kind: 'residential',
		model: 'green-homes-54',
		usernamePrefix: 'demo-nha-xanh',
		households: Array.from({ length: 54 }, (_, i) => ({
			name: `Ngôi nhà xanh số ${String(i + 1).padStart(2, '0')}`,
			kind: 'family' as const
		}))
	});
	for (const [i, h] of homes.households.entries()) {
		// The first eight homes kept a week with shopping bags and went on to three weeks with
		// another item; the others joined in the last few days.
		const pioneer = i < 8;
		if (pioneer)
			await w.householdPledge({
				adult: h.adult,
				householdId: h.id,
				item: 'bag',
				days: 7,
				uses: 2,
				startedAgo: 20,
				checked: () => true
			});
		await w.householdPledge({
			adult: h.adult,
			householdId: h.id,
			item: pioneer ? ITEMS[1 + (i % 3)] : ITEMS[i % 4],
			days: pioneer ? 21 : 30,
			uses: 1 + (i % 3),
			startedAgo: pioneer ? 11 : 1 + (i % 5),
			checked: (offset) => offset === 0 || w.random() < (pioneer ? 0.6 : 0.25)
		});
	}

	// --- Green tourism: businesses in the old town, an area challenge ---
	const tourism = await w.neighbourhood({
		name: 'Cơ sở du lịch xanh phố cổ Minh An',
		areaId: minhAn,
		kind: 'residential',
		model: 'green-tourism',
		usernamePrefix: 'demo-du-lich',
		households: [
			{ name: 'Homestay Vườn Chè', kind: 'shop' },
			{ name: 'Cà phê Mái Ngói', kind: 'food_stall' },
			{ name: 'Thuyền đèn sông Hoài', kind: 'shop' },
			{ name: 'Nhà nghỉ Phố Hội', kind: 'shop' },
			{ name: 'Quán cao lầu Bá Lễ', kind: 'food_stall' },
			{ name: 'Tiệm may Áo Dài Xanh', kind: 'shop' }
		]
	});
	const oldTown = await w.challenge(
		{
			title: 'Phố cổ không ống hút nhựa',
			description:
				'Các cơ sở du lịch mời khách dùng ống hút tre, bình nước rót lại và túi vải thay cho đồ nhựa dùng một lần.',
			scope: 'area',
			areaId: minhAn,
			modelId: w.modelId('green-tourism'),
			startDay: addDays(ctx.today, -20),
			endDay: addDays(ctx.today, 9),
			createdBy: ctx.organiserId
		},
		[
			['no-straw', 4],
			['refill-bottle', 10],
			['refuse-bag', 6]
		],
		[{ neighbourhoodId: tourism.id }]
	);
	for (let back = 20; back >= 1; back--) {
		const day = addDays(ctx.today, -back);
		for (const h of tourism.households) {
			if (w.random() > 0.3) continue;
			await w.log({
				day,
				code: w.pick(['no-straw', 'refill-bottle', 'refuse-bag']),
				count: 2 + Math.floor(w.random() * 3),
				personId: h.adult,
				householdId: h.id,
				mode: 'household',
				challenge: oldTown
			});
		}
	}

	// --- Cẩm Nam: the happy shop feeds the women's club's recycling workshop ---
	const camNamHomes = await w.neighbourhood({
		name: 'Khối phố Cẩm Nam',
		areaId: camNam,
		kind: 'residential',
		model: 'happy-shop',
		usernamePrefix: 'demo-cam-nam',
		households: [
			'Nhà bà Tư bến đò',
			'Gia đình Hoa Giấy',
			'Nhà Cây Dừa',
			'Gia đình Sông Thu',
			'Nhà Lồng Đèn Đỏ',
			'Gia đình Bắp Nếp',
			'Nhà Thuyền Thúng'
		].map((name) => ({ name, kind: 'family' as const }))
	});
	const workshop = await w.project({
		model: 'happy-shop',
		areaId: camNam,
		name: 'Xưởng Tái chế xanh – CLB Phụ nữ khuyết tật Cẩm Nam',
		description:
			'Nhựa mềm, chai và nắp chai người dân mang đến Cửa tiệm hạnh phúc được các chị trong câu lạc bộ làm thành túi, chậu cây và đồ trang trí để bán, tạo sinh kế.',
		components: [
			{ name: 'Túi đan từ nhựa mềm', materials: 'soft_plastic', targetGrams: 40_000 },
			{ name: 'Chậu cây từ chai nhựa', materials: 'pet_bottles', targetGrams: 30_000 },
			{ name: 'Hoa trang trí từ nắp chai', materials: 'bottle_caps', targetGrams: 8_000 }
		],
		points: [
			{
				name: 'Cửa tiệm hạnh phúc Cẩm Nam',
				kind: 'shop',
				openingHours: 'Hằng ngày, 7:00–11:00 và 14:00–17:00',
				address: 'Đường Nguyễn Tri Phương, Cẩm Nam',
				neighbourhoodId: camNamHomes.id
			}
		]
	});
	const materials = [
		['soft_plastic', 0, 600, 2400],
		['pet_bottles', 1, 800, 2600],
		['bottle_caps', 2, 150, 600]
	] as const;
	for (let back = 27; back >= 1; back--) {
		if (w.random() > 0.5) continue;
		const day = addDays(ctx.today, -back);
		const [material, part, min, spread] = w.pick(materials);
		await w.dropOff({
			day,
			playgroundId: workshop.id,
			pointId: workshop.points[0],
			componentId: workshop.components[part],
			material,
			grams: min + Math.round(w.random() * spread),
			householdId: w.pick(camNamHomes.households).id
		});
	}
}
