import { eq } from 'drizzle-orm';
import type { Tx } from '../../client';
import { classStudent, collectionPoint, school, schoolClass } from '../../schema';
import { addDays } from '$lib/utils/dates';
import type { HistoryWriter } from './model-history';
import type { DemoContext } from './structure';

/**
 * Hà Nội: the Tống Duy Tân – ngõ Cấm Chỉ food street, whose stalls fill customers' own boxes and
 * cups; a zero-waste primary school whose classes sort waste every day; and Đình Quán pagoda, a
 * sorting point (the one the Liên Mạc playground already collects at) for its own community's
 * recycling, with the families of its community sorting at home.
 */
export async function seedHaNoiModels(tx: Tx, w: HistoryWriter, ctx: DemoContext) {
	const hoanKiem = await w.addArea('ha-noi', 'Hoàn Kiếm', 'Hoàn Kiếm', 'district');
	const xuanDinh = await w.addArea('bac-tu-liem', 'Xuân Đỉnh', 'Xuân Đỉnh');
	const lienMac = await w.areaId('lien-mac');

	// --- The food street ---
	const street = await w.neighbourhood({
		name: 'Phố ẩm thực Tống Duy Tân – ngõ Cấm Chỉ',
		areaId: hoanKiem,
		kind: 'food_street',
		model: 'green-food-street',
		usernamePrefix: 'demo-pho-am-thuc',
		households: [
			'Quán phở Cô Liên',
			'Bún chả Ngõ Nhỏ',
			'Chè Bà Ba',
			'Bánh cuốn Gia Truyền',
			'Cà phê Góc Phố',
			'Xôi Cô Hoà'
		].map((name) => ({ name, kind: 'food_stall' as const }))
	});
	for (let back = 20; back >= 0; back--) {
		const day = addDays(ctx.today, -back);
		for (const h of street.households) {
			if (w.random() > 0.28) continue;
			await w.log({
				day,
				code: w.pick(['lunch-box', 'own-cup', 'no-straw']),
				count: 2,
				personId: h.adult,
				householdId: h.id,
				mode: 'household'
			});
		}
	}

	// --- The zero-waste school: every class sorts its waste ---
	const [sch] = await tx
		.insert(school)
		.values({ name: 'Trường Tiểu học Xuân Đỉnh', areaId: xuanDinh, modelId: w.modelId('zero-waste-school') })
		.returning({ id: school.id });
	const year = ctx.now.getUTCMonth() >= 7 ? ctx.now.getUTCFullYear() : ctx.now.getUTCFullYear() - 1;
	const pupils = [
		['4A', ['Mèo Mun', 'Thỏ Bông', 'Sóc Nâu', 'Chim Sẻ', 'Cá Vàng', 'Ong Mật']],
		['5B', ['Hoa Cúc', 'Lá Xanh', 'Mầm Non', 'Nắng Mai', 'Giọt Sương']]
	] as const;
	for (const [ci, [name, nicknames]] of pupils.entries()) {
		const [cls] = await tx
			.insert(schoolClass)
			.values({ schoolId: sch.id, name, grade: 4 + ci, schoolYear: `${year}-${year + 1}` })
			.returning({ id: schoolClass.id });
		const ids = await w.people(
			nicknames.map((nick, i) => ({
				username: `demo-xd-${name.toLowerCase()}-${i + 1}`,
				displayName: `Học sinh ${nick}`,
				nickname: `${nick} ${name}`
			})),
			'student'
		);
		await tx.insert(classStudent).values(ids.map((userId) => ({ classId: cls.id, userId })));
		for (let back = 18; back >= 1; back--) {
			const day = addDays(ctx.today, -back);
			if ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) continue;
			for (const s of ids) {
				if (w.random() > 0.35) continue;
				await w.log({
					day,
					code: w.random() < 0.6 ? 'sort-waste' : w.pick(['own-bottle', 'lunch-box']),
					personId: s,
					classId: cls.id,
					mode: 'person'
				});
			}
		}
	}

	// --- Đình Quán pagoda: a sorting point for its own community's recycling ---
	const community = await w.neighbourhood({
		name: 'Phật tử Đình Quán',
		areaId: lienMac,
		kind: 'club',
		model: 'dinh-quan-pagoda',
		usernamePrefix: 'demo-dinh-quan',
		households: ['Gia đình Sen Hồng', 'Nhà Bồ Đề', 'Gia đình An Lạc', 'Nhà Hoa Nhài', 'Gia đình Từ Tâm'].map(
			(name) => ({ name, kind: 'family' as const })
		)
	});
	const [pagodaPoint] = await tx
		.select({ id: collectionPoint.id })
		.from(collectionPoint)
		.where(eq(collectionPoint.name, 'Chùa Đình Quán'));
	const sorting = await w.project({
		model: 'dinh-quan-pagoda',
		areaId: lienMac,
		name: 'Góc phân loại rác Đình Quán',
		description:
			'Phật tử và người dân phân loại rác tại nhà, mang chai nhựa và nhựa mềm sạch đến chùa; chùa bán phế liệu gây quỹ và đóng gạch sinh thái làm lối đi trong vườn.',
		components: [
			{ name: 'Chai nhựa bán gây quỹ', materials: 'pet_bottles,bottle_caps', targetGrams: 50_000 },
			{ name: 'Lối đi bằng gạch sinh thái', materials: 'ecobricks', targetItems: 80 }
		],
		points: pagodaPoint
			? [{ id: pagodaPoint.id }]
			: [{ name: 'Chùa Đình Quán', kind: 'pagoda', openingHours: 'Chủ nhật, 8:00–11:00' }]
	});
	for (let back = 27; back >= 0; back--) {
		const day = addDays(ctx.today, -back);
		const sunday = new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
		for (const h of community.households) {
			if (w.random() < 0.18)
				await w.log({ day, code: 'sort-waste', personId: h.adult, householdId: h.id, mode: 'household' });
			if (sunday && w.random() < 0.6) {
				const brick = w.random() < 0.35;
				await w.dropOff({
					day,
					playgroundId: sorting.id,
					pointId: sorting.points[0],
					componentId: sorting.components[brick ? 1 : 0],
					material: brick ? 'ecobricks' : 'pet_bottles',
					grams: brick ? 1300 : 500 + Math.round(w.random() * 2500),
					count: brick ? 2 : null,
					householdId: h.id
				});
			}
		}
	}
}
