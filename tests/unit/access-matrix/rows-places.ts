import { A, type MatrixRow, hh, ofHousehold, only, pg, signedIn, stewards } from './shapes';

export const PLACE_ROWS: MatrixRow[] = [
	// ── households ───────────────────────────────────────────────────────────────────────────
	{ route: `${A}/households/[householdId=id]`, handler: 'load', params: hh, expect: only(ofHousehold) },
	{ route: `${A}/households/[householdId=id]/month`, handler: 'load', params: hh, expect: only(ofHousehold) },
	{
		route: `${A}/households/[householdId=id]/activity`,
		handler: 'load',
		params: hh,
		expect: only(ofHousehold)
	},
	{
		route: `${A}/households/[householdId=id]/activity`,
		handler: 'actions.void',
		params: hh,
		expect: only(['stewardOfPoint'], 400)
	},
	{
		route: `${A}/households/[householdId=id]/contribute`,
		handler: 'load',
		params: hh,
		expect: only(['adultOfHousehold', 'studentOfClass'])
	},
	{
		route: `${A}/households/[householdId=id]/contribute`,
		handler: 'actions.announce',
		params: hh,
		expect: only(['adultOfHousehold', 'studentOfClass'], 400)
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'load',
		params: hh,
		expect: only(ofHousehold)
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.approve',
		case: 'the adult waiting to join A',
		params: hh,
		form: (w) => ({ userId: String(w.pendingAdult.id) }),
		expect: only(['adultOfHousehold'])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.approve',
		case: 'someone waiting to join B',
		params: hh,
		form: (w) => ({ userId: String(w.pendingInB.id) }),
		expect: only([])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.decline',
		case: 'the adult waiting to join A',
		params: hh,
		form: (w) => ({ userId: String(w.pendingAdult.id) }),
		expect: only(['adultOfHousehold'])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.decline',
		case: 'someone waiting to join B',
		params: hh,
		form: (w) => ({ userId: String(w.pendingInB.id) }),
		expect: only([])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.rotate',
		params: hh,
		expect: only(['adultOfHousehold'])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.card',
		params: hh,
		form: () => ({ confirm: 'yes' }),
		expect: only(['adultOfHousehold'])
	},
	{
		route: `${A}/households/[householdId=id]/members`,
		handler: 'actions.recover',
		case: 'while A still has an adult',
		params: hh,
		form: (w) => ({ username: w.guardianOfChild.username }),
		expect: only([])
	},
	{
		route: `${A}/households/[householdId=id]/pledges`,
		handler: 'load',
		params: hh,
		expect: only(ofHousehold)
	},

	// ── pledges ──────────────────────────────────────────────────────────────────────────────
	{
		route: `${A}/pledges/[pledgeId=id]`,
		handler: 'load',
		case: 'student A’s own pledge',
		params: (w) => ({ pledgeId: String(w.pledgeA) }),
		expect: only(['studentOfClass', 'classTeacher', 'guardianOfChild'])
	},
	{
		route: `${A}/pledges/[pledgeId=id]`,
		handler: 'actions.checkin',
		params: (w) => ({ pledgeId: String(w.pledgeA) }),
		expect: signedIn(400)
	},
	{
		route: `${A}/pledges/[pledgeId=id]`,
		handler: 'actions.end',
		params: (w) => ({ pledgeId: String(w.pledgeA) }),
		expect: only(['studentOfClass'])
	},

	// ── stewards ─────────────────────────────────────────────────────────────────────────────
	{ route: `${A}/steward`, handler: 'load', expect: only(stewards) },
	{
		route: `${A}/steward`,
		handler: 'load',
		case: 'point X in the URL',
		search: (w) => `?point=${w.pointX.id}`,
		expect: only(['stewardOfPoint'])
	},
	{ route: `${A}/steward`, handler: 'actions.record', expect: only(stewards, 400) },
	{
		route: `${A}/steward`,
		handler: 'actions.record',
		case: 'household B picked at point X',
		form: (w) => ({
			pointId: String(w.pointX.id),
			playgroundId: String(w.playground.id),
			contributor: 'Nhà',
			pick: `h:${w.householdB.id}`,
			material: 'pet_bottles',
			weightKg: '1',
			idempotencyKey: 'matrix-record-b'
		}),
		expect: only(['stewardOfPoint'], 400)
	},
	{ route: `${A}/steward`, handler: 'actions.confirm', expect: only(stewards, 400) },
	{
		route: `${A}/steward`,
		handler: 'actions.confirm',
		case: 'a drop-off announced at point X',
		form: (w) => ({
			contributionId: String(w.announcedAtX),
			material: 'pet_bottles',
			weightKg: '0,4',
			idempotencyKey: 'matrix-confirm-x'
		}),
		expect: only(['stewardOfPoint'])
	},
	{ route: `${A}/steward`, handler: 'actions.reject', expect: only(stewards, 400) },
	{ route: `${A}/steward`, handler: 'actions.void', expect: only(stewards, 400) },
	{ route: `${A}/steward/export.csv`, handler: 'GET', expect: only(stewards) },
	{
		route: `${A}/steward/export.csv`,
		handler: 'GET',
		case: 'point X in the URL',
		search: (w) => `?point=${w.pointX.id}`,
		expect: only(['stewardOfPoint'])
	},
	// The offline contributor list: only a steward of that very point gets it.
	{ route: '/api/steward/contributors', handler: 'GET', expect: only(stewards, 400) },
	...(['households', 'students'] as const).map((kind): MatrixRow => ({
		route: '/api/steward/contributors',
		handler: 'GET',
		case: `point X's ${kind}`,
		search: (w) => `?point=${w.pointX.id}&kind=${kind}`,
		expect: only(['stewardOfPoint'])
	})),

	// ── organisers ───────────────────────────────────────────────────────────────────────────
	...(['schools', 'neighbourhoods', 'areas', 'models', 'actions', 'impact', 'playgrounds'] as const).map(
		(page): MatrixRow => ({ route: `${A}/organiser/${page}`, handler: 'load', expect: only(['organiser']) })
	),
	{
		route: `${A}/organiser/models/[modelId=id]`,
		handler: 'load',
		params: (w) => ({ modelId: String(w.model.id) }),
		expect: only(['organiser'])
	},
	{
		route: `${A}/organiser/models/[modelId=id]`,
		handler: 'actions.default',
		params: (w) => ({ modelId: String(w.model.id) }),
		expect: only(['organiser'], 400)
	},
	{ route: `${A}/organiser/schools`, handler: 'actions.create', expect: only(['organiser'], 400) },
	{ route: `${A}/organiser/schools`, handler: 'actions.invite', expect: only(['organiser'], 404) },
	{ route: `${A}/organiser/neighbourhoods`, handler: 'actions.create', expect: only(['organiser'], 400) },
	{ route: `${A}/organiser/neighbourhoods`, handler: 'actions.steward', expect: only(['organiser'], 400) },
	{
		route: `${A}/organiser/neighbourhoods`,
		handler: 'actions.steward',
		case: 'a student named steward',
		form: (w) => ({ neighbourhoodId: String(w.householdA.neighbourhoodId), username: w.studentA.username }),
		expect: only(['organiser'], 400)
	},
	{ route: `${A}/organiser/areas`, handler: 'actions.save', expect: only(['organiser'], 400) },
	{ route: `${A}/organiser/models`, handler: 'actions.save', expect: only(['organiser'], 400) },
	{ route: `${A}/organiser/actions`, handler: 'actions.create', expect: only(['organiser'], 400) },
	{ route: `${A}/organiser/actions`, handler: 'actions.retire', expect: only(['organiser'], 404) },
	{
		route: `${A}/organiser/actions/[actionId=id]`,
		handler: 'load',
		params: (w) => ({ actionId: String(w.actionId) }),
		expect: only(['organiser'])
	},
	{
		route: `${A}/organiser/actions/[actionId=id]`,
		handler: 'actions.default',
		params: (w) => ({ actionId: String(w.actionId) }),
		expect: only(['organiser'], 400)
	},
	{ route: `${A}/organiser/playgrounds`, handler: 'actions.create', expect: only(['organiser'], 400) },
	{
		route: `${A}/organiser/playgrounds/[playgroundId=id]`,
		handler: 'load',
		params: pg,
		expect: only(['organiser'])
	},
	...(['state', 'component', 'point', 'link', 'serve', 'steward'] as const).map((action): MatrixRow => ({
		route: `${A}/organiser/playgrounds/[playgroundId=id]`,
		handler: `actions.${action}`,
		params: pg,
		expect: only(['organiser'], 400)
	})),
	{
		route: `${A}/organiser/playgrounds/[playgroundId=id]`,
		handler: 'actions.steward',
		case: 'a student named steward of point X',
		params: pg,
		form: (w) => ({ pointId: String(w.pointX.id), username: w.studentA.username }),
		expect: only(['organiser'], 400)
	}
];
