/**
 * The authorisation matrix: for every load, action and endpoint under src/routes, what each persona
 * gets. Its rows live in rows-people.ts (public pages, anyone signed in, a child's own pages),
 * rows-classes.ts (boards, challenges, classes) and rows-places.ts (households, pledges, stewards,
 * organisers). `../access-matrix.test.ts` finds the handlers by reading the route tree and fails on
 * any handler without a row (and on any row whose handler is gone).
 *
 * Adding a route: copy the row the failure message prints into the right rows file, give `params`
 * (and `form` for an action)
 * from the world (tests/helpers/matrix-world.ts), and say who gets what:
 *   'ok'    returned data, a 2xx Response, or redirected somewhere other than the login page
 *   'login' sent to the login page (nobody signed in)
 *   403/404/400/409/429  thrown as an error or returned by fail()
 * Start from one of the shapes below (signedIn, only, open) and override the personas that differ.
 * A `case` names a variant of the same handler: another school's or household's id in a form field.
 */
import type { Outcome } from '../../helpers/route-event';
import { PERSONAS, type MatrixWorld, type Persona } from '../../helpers/matrix-world';

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
export const adults = PERSONAS.filter((p) => p !== 'anonymous' && !students.includes(p));
export const teachers: Persona[] = ['classTeacher', 'teacherOfOtherSchool'];
export const stewards: Persona[] = ['stewardOfPoint', 'stewardOfOtherPoint'];
/** Who belongs to class A, or runs the programme. */
export const ofClass: Persona[] = ['classTeacher', 'studentOfClass', 'organiser'];
/** Who has a relation to household A (its approved members, its neighbourhood's steward, organisers). */
export const ofHousehold: Persona[] = ['adultOfHousehold', 'studentOfClass', 'stewardOfPoint', 'organiser'];

export const cls = (w: MatrixWorld) => ({ classId: String(w.classA.id) });
export const hh = (w: MatrixWorld) => ({ householdId: String(w.householdA.id) });
export const child = (w: MatrixWorld) => ({ studentId: String(w.studentA.id) });
export const pg = (w: MatrixWorld) => ({ playgroundId: String(w.playground.id) });
export const A = '/(app)';
