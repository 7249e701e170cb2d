/**
 * The authorisation matrix: for every load, action and endpoint under src/routes, what each persona
 * gets. `access-matrix.test.ts` finds the handlers by reading the route tree and fails on any
 * handler without a row here (and on any row whose handler is gone).
 *
 * Adding a route: copy the row the failure message prints, give `params` (and `form` for an action)
 * from the world (tests/helpers/matrix-world.ts), and say who gets what:
 *   'ok'    returned data, a 2xx Response, or redirected somewhere other than the login page
 *   'login' sent to the login page (nobody signed in)
 *   403/404/400/409/429  thrown as an error or returned by fail()
 * Start from one of the shapes below (signedIn, only, open) and override the personas that differ.
 * A `case` names a variant of the same handler: another school's or household's id in a form field.
 */
import type { Outcome } from '../helpers/route-event';
import { PERSONAS, type MatrixWorld, type Persona } from '../helpers/matrix-world';

export type Expect = Record<Persona, Outcome>;

export interface MatrixRow {
	/** The route id as SvelteKit names it, e.g. '/(app)/classes/[classId=id]/students'. */
	route: string;
	/** 'load', 'actions.<name>', or an HTTP verb of a +server.ts ('GET'). */
	handler: string;
	case?: string;
	params?: (w: MatrixWorld) => Record<string, string>;
	form?: (w: MatrixWorld) => Record<string, string>;
	search?: (w: MatrixWorld) => string;
	/** Give each persona a world of their own (when one persona's success would change another's). */
	isolate?: boolean;
	expect: Expect;
}

type Some = Partial<Record<Persona, Outcome>>;
const all = (o: Outcome): Expect => Object.fromEntries(PERSONAS.map((p) => [p, o])) as Expect;

/** Anyone, signed in or not: `base`, with exceptions. */
export const open = (base: Outcome, except: Some = {}): Expect => ({ ...all(base), ...except });
/** Signed-in people get `base` (with exceptions); nobody signed in goes to the login page. */
export const signedIn = (base: Outcome, except: Some = {}): Expect => ({
	...all(base),
	anonymous: 'login',
	...except
});
/** Only these personas get `outcome`; every other signed-in persona gets `denied`. */
export const only = (personas: Persona[], outcome: Outcome = 'ok', denied: Outcome = 403): Expect =>
	signedIn(denied, Object.fromEntries(personas.map((p) => [p, outcome])));

const students: Persona[] = ['studentOfClass', 'studentOfOtherClass'];
const adults = PERSONAS.filter((p) => p !== 'anonymous' && !students.includes(p));
const teachers: Persona[] = ['classTeacher', 'teacherOfOtherSchool'];
const stewards: Persona[] = ['stewardOfPoint', 'stewardOfOtherPoint'];
/** Who belongs to class A, or runs the programme. */
const ofClass: Persona[] = ['classTeacher', 'studentOfClass', 'organiser'];
/** Who has a relation to household A (its approved members, its neighbourhood's steward, organisers). */
const ofHousehold: Persona[] = ['adultOfHousehold', 'studentOfClass', 'stewardOfPoint', 'organiser'];

const cls = (w: MatrixWorld) => ({ classId: String(w.classA.id) });
const hh = (w: MatrixWorld) => ({ householdId: String(w.householdA.id) });
const child = (w: MatrixWorld) => ({ studentId: String(w.studentA.id) });
const pg = (w: MatrixWorld) => ({ playgroundId: String(w.playground.id) });
const A = '/(app)';

export const ROWS: MatrixRow[] = [
	// ── public pages and sign-in ──────────────────────────────────────────────────────────────
	{ route: '/', handler: 'load', expect: open('ok') },
	{ route: '/healthz', handler: 'GET', expect: open('ok') },
	{ route: '/models', handler: 'load', expect: open('ok') },
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

	// ── boards and challenges ────────────────────────────────────────────────────────────────
	{
		route: `${A}/boards/[kind]/[containerId=id]`,
		handler: 'load',
		case: 'classes of school A',
		params: (w) => ({ kind: 'class-in-school', containerId: String(w.schoolA.id) }),
		expect: only(['classTeacher', 'studentOfClass', 'organiser'])
	},
	{
		route: `${A}/boards/[kind]/[containerId=id]`,
		handler: 'load',
		case: 'households of A’s neighbourhood',
		params: (w) => ({
			kind: 'household-in-neighbourhood',
			containerId: String(w.householdA.neighbourhoodId)
		}),
		expect: only(ofHousehold)
	},
	{
		route: `${A}/boards/[kind]/[containerId=id]`,
		handler: 'load',
		case: 'students of class A (board off)',
		params: (w) => ({ kind: 'student-in-class', containerId: String(w.classA.id) }),
		expect: only(['classTeacher', 'organiser'])
	},
	{
		route: `${A}/boards/[kind]/[containerId=id]`,
		handler: 'actions.studentBoard',
		params: (w) => ({ kind: 'student-in-class', containerId: String(w.classA.id) }),
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/challenges/[challengeId=id]`,
		handler: 'load',
		params: (w) => ({ challengeId: String(w.challengeA) }),
		expect: only(ofClass)
	},
	{ route: `${A}/challenges/new`, handler: 'load', expect: only([...teachers, ...stewards, 'organiser']) },
	{
		route: `${A}/challenges/new`,
		handler: 'actions.default',
		expect: only([...teachers, ...stewards, 'organiser'], 400)
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
	},

	// ── classes ──────────────────────────────────────────────────────────────────────────────
	{ route: `${A}/classes`, handler: 'load', expect: only(teachers) },
	{ route: `${A}/classes`, handler: 'actions.create', expect: only(teachers, 400) },
	{
		route: `${A}/classes`,
		handler: 'actions.create',
		case: 'in school B',
		form: (w) => ({ schoolId: String(w.schoolB.id), name: '9Z9', grade: '9', schoolYear: '2026-2027' }),
		// Only a teacher of school B may open a class there.
		expect: only(['teacherOfOtherSchool'])
	},
	{ route: `${A}/classes/[classId=id]`, handler: 'load', params: cls, expect: only(ofClass) },
	{ route: `${A}/classes/[classId=id]/feed`, handler: 'load', params: cls, expect: only(ofClass) },
	{ route: `${A}/classes/[classId=id]/goals`, handler: 'load', params: cls, expect: only(ofClass) },
	{
		route: `${A}/classes/[classId=id]/goals`,
		handler: 'actions.create',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{ route: `${A}/classes/[classId=id]/pledges`, handler: 'load', params: cls, expect: only(ofClass) },
	{ route: `${A}/classes/[classId=id]/poster`, handler: 'load', params: cls, expect: only(['classTeacher']) },
	{ route: `${A}/classes/[classId=id]/review`, handler: 'load', params: cls, expect: only(['classTeacher']) },
	{
		route: `${A}/classes/[classId=id]/review`,
		handler: 'actions.void',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/review`,
		handler: 'actions.void',
		case: 'an entry of class B',
		params: cls,
		form: (w) => ({ entryId: String(w.entryOfB), reason: 'Không đúng lớp' }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'actions.coteach',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'actions.coteach',
		case: 'a teacher of school B',
		params: cls,
		form: (w) => ({ userId: String(w.teacherB.id) }),
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'actions.board',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'actions.consent',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/settings`,
		handler: 'actions.archive',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/students`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/students`,
		handler: 'actions.rotate',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/students`,
		handler: 'actions.reset',
		case: 'student B',
		params: cls,
		form: (w) => ({ studentId: String(w.studentB.id) }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/students`,
		handler: 'actions.remove',
		case: 'student B',
		params: cls,
		form: (w) => ({ studentId: String(w.studentB.id) }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/students/import`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/students/import`,
		handler: 'actions.default',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/students/import/progress`,
		handler: 'GET',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.issueAll',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.reissue',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.reissue',
		case: 'student B',
		params: cls,
		form: (w) => ({ studentId: String(w.studentB.id) }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.link',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.link',
		case: 'student B',
		params: cls,
		form: (w) => ({ studentId: String(w.studentB.id), username: w.adultA.username }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.unlink',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/guardians`,
		handler: 'actions.unlink',
		case: 'student B’s guardian',
		params: cls,
		form: (w) => ({ studentId: String(w.studentB.id), guardianId: String(w.guardianOfOtherChild.id) }),
		expect: only(['classTeacher'], 404)
	},
	{
		route: `${A}/classes/[classId=id]/guardians/letters`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},

	// ── households ───────────────────────────────────────────────────────────────────────────
	{ route: `${A}/households/[householdId=id]`, handler: 'load', params: hh, expect: only(ofHousehold) },
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

	// ── organisers ───────────────────────────────────────────────────────────────────────────
	...(['schools', 'neighbourhoods', 'areas', 'models', 'actions', 'impact', 'playgrounds'] as const).map(
		(page): MatrixRow => ({ route: `${A}/organiser/${page}`, handler: 'load', expect: only(['organiser']) })
	),
	{ route: `${A}/organiser/impact.csv`, handler: 'GET', expect: only(['organiser']) },
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
