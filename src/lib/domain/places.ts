// Kinds of places, shared by the database enums, the zod schemas and the forms in the browser.

export const AREA_KINDS = ['province', 'city', 'district', 'ward', 'commune', 'village', 'other'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Who hosts a community model. */
export const HOST_KINDS = [
	'school',
	'market_board',
	'womens_union',
	'pagoda',
	'club',
	'shop',
	'community',
	'other'
] as const;
export type HostKind = (typeof HOST_KINDS)[number];

/** The LSPP community models and the kinds a new one may take. */
export const MODEL_KINDS = [
	'green_home',
	'happy_shop',
	'green_tourism',
	'club',
	'green_school',
	'residential',
	'plastic_free_market',
	'green_food_street',
	'zero_waste_school',
	'recycled_playground',
	'pagoda_sorting',
	'recycling_livelihood',
	'other'
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const NEIGHBOURHOOD_KINDS = ['residential', 'market', 'food_street', 'club'] as const;

export const HOUSEHOLD_KINDS = ['family', 'market_stall', 'food_stall', 'shop'] as const;
