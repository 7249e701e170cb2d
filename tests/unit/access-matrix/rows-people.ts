import { A, type MatrixRow, adults, child, only, open, pg, signedIn } from './shapes';

export const PEOPLE_ROWS: MatrixRow[] = [
	// ── public pages and sign-in ──────────────────────────────────────────────────────────────
	{ route: '/', handler: 'load', expect: open('ok') },
	{ route: '/healthz', handler: 'GET', expect: open('ok') },
	{ route: '/models', handler: 'load', expect: open('ok') },
	{
		route: '/models/[modelId=id]',
		handler: 'load',
		params: (w) => ({ modelId: String(w.model.id) }),
		expect: open('ok')
	},
	{ route: '/playgrounds', handler: 'load', expect: open('ok') },
	{ route: '/playgrounds/[playgroundId=id]', handler: 'load', params: pg, expect: open('ok') },
	{ route: '/playgrounds/[playgroundId=id]', handler: 'actions.adopt', params: pg, expect: signedIn(400) },
	{
		route: '/playgrounds/[playgroundId=id]',
		handler: 'actions.adopt',
		case: 'class A as the adopter',
		params: pg,
		form: (w) => ({ componentId: String(w.bench.id), adopter: `c:${w.classA.id}` }),
		expect: signedIn(403, { classTeacher: 'ok' })
	},
	{ route: '/playgrounds/[playgroundId=id]/poster', handler: 'load', params: pg, expect: open('ok') },
	{ route: '/language', handler: 'load', expect: open('ok') },
	{ route: '/language', handler: 'actions.default', expect: open(400) },
	{ route: '/(auth)/login', handler: 'load', expect: open('ok') },
	{ route: '/(auth)/login', handler: 'actions.default', expect: open(400) },
	{ route: '/(auth)/logout', handler: 'load', expect: open('ok') },
	{ route: '/(auth)/logout', handler: 'actions.default', expect: open('ok') },
	{ route: '/(auth)/signup', handler: 'load', expect: open('ok') },
	{ route: '/(auth)/signup', handler: 'actions.default', expect: open(400) },
	{ route: '/join', handler: 'load', expect: open('ok') },
	{ route: '/join', handler: 'actions.default', expect: open(400) },
	{ route: '/join/welcome', handler: 'load', expect: signedIn('ok') },
	{ route: '/teacher/join', handler: 'load', expect: open('ok') },
	{ route: '/teacher/join', handler: 'actions.default', expect: signedIn(400) },

	// ── anyone signed in ─────────────────────────────────────────────────────────────────────
	{ route: `${A}/account`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/account`, handler: 'actions.password', expect: signedIn(400) },
	{ route: `${A}/me`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/today`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/today`, handler: 'actions.log', expect: signedIn(400) },
	{ route: `${A}/today`, handler: 'actions.undo', expect: signedIn(400) },
	{
		route: `${A}/today`,
		handler: 'actions.undo',
		case: 'student B’s entry, logged as the world was made (inside the undo window)',
		form: (w) => ({ entryId: String(w.entryOfB) }),
		isolate: true,
		// Only its author may undo it; to anyone else it is not there.
		expect: signedIn(404, { studentOfOtherClass: 'ok' })
	},
	{ route: `${A}/boards`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/challenges`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/pledges`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/pledges`, handler: 'actions.create', expect: signedIn(400) },
	{ route: `${A}/pledges`, handler: 'actions.checkin', expect: signedIn(400) },
	{ route: `${A}/households`, handler: 'load', expect: signedIn('ok') },
	{ route: `${A}/households`, handler: 'actions.join', expect: signedIn(400) },
	{
		route: `${A}/households`,
		handler: 'actions.create',
		case: 'a household in A’s neighbourhood',
		form: (w) => ({
			neighbourhoodId: String(w.householdA.neighbourhoodId),
			displayName: 'Nhà Mới',
			kind: 'family'
		}),
		// Students never become a household's adult; members (or askers) of one cannot start another.
		expect: signedIn('ok', {
			studentOfClass: 403,
			studentOfOtherClass: 403,
			adultOfHousehold: 400,
			adultOfOtherHousehold: 400,
			pendingAdult: 400
		})
	},
	{
		route: `${A}/households`,
		handler: 'actions.leave',
		expect: signedIn(404, {
			studentOfClass: 'ok',
			studentOfOtherClass: 'ok',
			adultOfHousehold: 'ok',
			adultOfOtherHousehold: 'ok',
			pendingAdult: 'ok'
		})
	},

	// ── a child's own data: linked guardians only ─────────────────────────────────────────────
	{ route: `${A}/children`, handler: 'load', expect: only(adults) },
	{ route: `${A}/children`, handler: 'actions.redeem', expect: only(adults, 400) },
	{
		route: `${A}/children`,
		handler: 'actions.redeem',
		case: 'student A’s letter code',
		form: (w) => ({ code: w.parentCode }),
		// Whichever adult holds the letter links (each on a world of their own: the code is one-use,
		// which parent-codes.test.ts checks); a student never becomes anyone's guardian.
		isolate: true,
		expect: only(adults)
	},
	{
		route: `${A}/children/[studentId=id]`,
		handler: 'load',
		params: child,
		expect: only(['guardianOfChild'])
	},
	{
		route: `${A}/children/[studentId=id]`,
		handler: 'actions.erase',
		params: child,
		expect: only(['guardianOfChild'], 400)
	},
	{
		route: `${A}/children/[studentId=id]/export.csv`,
		handler: 'GET',
		params: child,
		expect: only(['guardianOfChild'])
	},
	{
		route: `${A}/children/[studentId=id]/export.json`,
		handler: 'GET',
		params: child,
		expect: only(['guardianOfChild'])
	}
];
