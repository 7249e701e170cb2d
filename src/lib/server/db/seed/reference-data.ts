/** Grams of single-use plastic one unit stands for, with the basis of each figure. */
export const IMPACT_FACTORS = [
	{
		code: 'pet-bottle-500ml',
		nameVi: 'Chai nhựa PET 500 ml',
		nameEn: '500 ml PET bottle',
		grams: 10,
		source:
			'Typical 500 ml PET water bottle with cap, 9–12 g (industry lightweighting figures); DESIGN.md uses ≈10 g.'
	},
	{
		code: 'plastic-bag',
		nameVi: 'Túi nilon',
		nameEn: 'Plastic carrier bag',
		grams: 5,
		source:
			'Typical HDPE/LDPE carrier bag, 4–6 g (market-stall bags weighed in LSPP-style audits are at the low end).'
	},
	{
		code: 'foam-box',
		nameVi: 'Hộp xốp đựng thức ăn',
		nameEn: 'Foam food box',
		grams: 8,
		source: 'Expanded-polystyrene take-away box, 6–10 g.'
	},
	{
		code: 'takeaway-cup',
		nameVi: 'Cốc nhựa mang đi (kèm nắp)',
		nameEn: 'Take-away plastic cup with lid',
		grams: 12,
		source: 'PP/PET cup 8–10 g plus lid 2–4 g.'
	},
	{
		code: 'straw',
		nameVi: 'Ống hút nhựa',
		nameEn: 'Plastic straw',
		grams: 1,
		source: 'PP straw 0.4–0.6 g, rounded up to whole grams.'
	},
	{
		code: 'cutlery-set',
		nameVi: 'Bộ thìa dĩa nhựa',
		nameEn: 'Plastic cutlery set',
		grams: 3,
		source: 'PS spoon/fork 1–2 g each.'
	},
	{
		code: 'sorted-day',
		nameVi: 'Một ngày phân loại rác tại nguồn',
		nameEn: 'A day of sorting waste at source',
		grams: 50,
		source:
			'Programme estimate of plastic a household diverts from landfill per day by sorting; an estimate, not a measurement.'
	},
	{
		code: 'litter-pickup',
		nameVi: 'Một lần nhặt rác nhựa',
		nameEn: 'One litter pick-up',
		grams: 30,
		source: 'Programme estimate: a handful of bottles, bags and wrappers.'
	}
] as const;

export const ACTIONS = [
	{
		code: 'own-bottle',
		nameVi: 'Mang bình nước riêng',
		nameEn: 'Brought my own water bottle',
		points: 10,
		dailyCap: 2,
		factor: 'pet-bottle-500ml',
		audience: 'both'
	},
	{
		code: 'refuse-bag',
		nameVi: 'Từ chối túi nilon',
		nameEn: 'Refused a plastic bag',
		points: 5,
		dailyCap: 5,
		factor: 'plastic-bag',
		audience: 'both'
	},
	{
		code: 'lunch-box',
		nameVi: 'Mang hộp cơm, hộp đựng thức ăn',
		nameEn: 'Brought a lunch box',
		points: 10,
		dailyCap: 2,
		factor: 'foam-box',
		audience: 'both'
	},
	{
		code: 'own-cup',
		nameVi: 'Dùng cốc riêng khi mua đồ uống',
		nameEn: 'Used my own cup for a drink',
		points: 10,
		dailyCap: 3,
		factor: 'takeaway-cup',
		audience: 'both'
	},
	{
		code: 'no-straw',
		nameVi: 'Không dùng ống hút nhựa',
		nameEn: 'Said no to a plastic straw',
		points: 3,
		dailyCap: 5,
		factor: 'straw',
		audience: 'both'
	},
	{
		code: 'sort-waste',
		nameVi: 'Phân loại rác tại nguồn',
		nameEn: 'Sorted waste at source',
		points: 10,
		dailyCap: 1,
		factor: 'sorted-day',
		audience: 'both'
	},
	{
		code: 'refill-bottle',
		nameVi: 'Rót đầy lại thay vì mua chai mới',
		nameEn: 'Refilled instead of buying a new bottle',
		points: 8,
		dailyCap: 3,
		factor: 'pet-bottle-500ml',
		audience: 'both'
	},
	{
		code: 'pick-litter',
		nameVi: 'Nhặt rác nhựa nơi công cộng',
		nameEn: 'Picked up plastic litter',
		points: 15,
		dailyCap: 2,
		factor: 'litter-pickup',
		audience: 'both'
	}
] as const;
