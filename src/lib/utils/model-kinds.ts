/**
 * Kinds of community model that face the same questions, so a model can point to others it can
 * learn from (a market in Cẩm Lệ finds the Chợ Hàn model, a pagoda finds the playground).
 */
const FAMILIES = {
	school: ['green_school', 'zero_waste_school'],
	trade: ['plastic_free_market', 'green_food_street', 'green_tourism'],
	home: ['green_home', 'residential', 'club'],
	collection: ['happy_shop', 'recycled_playground', 'pagoda_sorting', 'recycling_livelihood']
} as const;

export type ModelFamily = keyof typeof FAMILIES;

/** The family of a model kind, or null for kinds that stand alone ('other'). */
export function modelFamily(kind: string): ModelFamily | null {
	for (const [family, kinds] of Object.entries(FAMILIES))
		if ((kinds as readonly string[]).includes(kind)) return family as ModelFamily;
	return null;
}
