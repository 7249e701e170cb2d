import { A, type MatrixRow, cls, ofClass, ofHousehold, only, signedIn, stewards, teachers } from './shapes';

export const CLASS_ROWS: MatrixRow[] = [
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
	{
		route: `${A}/classes/[classId=id]/report`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher', 'organiser'])
	},
	// Exports: an organiser any filter; a class's teacher that class (with its nicknames), nobody else.
	{
		route: `${A}/exports/[file=csv]`,
		handler: 'GET',
		params: () => ({ file: 'participation.csv' }),
		expect: only(['organiser'])
	},
	{
		route: `${A}/exports/[file=csv]`,
		handler: 'GET',
		case: 'class A',
		params: () => ({ file: 'participation.csv' }),
		search: (w) => `class=${w.classA.id}`,
		expect: only(['classTeacher', 'organiser'])
	},
	{
		route: `${A}/exports/[file=csv]`,
		handler: 'GET',
		case: 'a reversed period',
		params: () => ({ file: 'ledger.csv' }),
		search: (w) => `class=${w.classA.id}&period=custom&from=2026-03-01&to=2026-02-01`,
		expect: signedIn(400)
	},
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
		handler: 'actions.preview',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/students/import`,
		handler: 'actions.create',
		params: cls,
		expect: only(['classTeacher'], 400)
	},
	{
		route: `${A}/classes/[classId=id]/students/cards`,
		handler: 'load',
		params: cls,
		expect: only(['classTeacher'])
	},
	{
		route: `${A}/classes/[classId=id]/students/cards`,
		handler: 'load',
		case: 'student B by URL',
		params: cls,
		search: (w) => `?student=${w.studentB.id}`,
		// Another class's student has no card here, even for this class's teacher.
		expect: only(['classTeacher'], 404)
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
	}
];
