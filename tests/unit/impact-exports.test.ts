import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../helpers/db';
import { makeStudentWorld, makeUser } from '../helpers/factories';
import { action, communityModel, ledgerEntry, school } from '../../src/lib/server/db/schema';
import type { Role } from '../../src/lib/domain/roles';
import { logAction } from '../../src/lib/server/actions/actions';
import { undoOwnEntry } from '../../src/lib/server/actions/undo';
import { kgForFile } from '../../src/lib/utils/units';
import { localDay } from '../../src/lib/utils/dates';
import { EXPORT_KINDS } from '../../src/lib/rules/exports';
import { translate, type MessageKey } from '../../src/lib/i18n';

const t = await createTestDb();
vi.mock('$lib/server/db', () => ({ getDb: async () => t.db }));

const exportRoute = await import('../../src/routes/(app)/exports/[file=csv]/+server');
const dashboard = await import('../../src/routes/(app)/organiser/impact/+page.server');

type U = { id: number; username: string; nickname: string; displayName: string };
const TZ = 'Asia/Ho_Chi_Minh';
const TODAY = localDay(new Date(), TZ);

function event(
	u: U | null,
	roles: Role[],
	path: string,
	search: string,
	params: Record<string, string> = {}
) {
	const url = new URL(`http://localhost${path}?${search}`);
	return {
		locals: { user: u ? { ...u, locale: 'vi', roles } : null, locale: 'vi', session: null },
		url,
		params,
		request: new Request(url)
	} as never;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Anyfn = (e: any) => Promise<unknown> | unknown;
const call = (fn: unknown, e: unknown) => (fn as Anyfn)(e) as Promise<Response>;

async function download(u: U | null, roles: Role[], kind: string, search: string) {
	const res = await call(
		exportRoute.GET,
		event(u, roles, `/exports/${kind}.csv`, search, { file: `${kind}.csv` })
	);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
	return { res, text, lines: text.trim().split('\r\n') };
}

const [green] = await t.db.select().from(communityModel).where(eq(communityModel.code, 'green-school'));
const a = await makeStudentWorld(t.db);
const b = await makeStudentWorld(t.db);
await t.db.update(school).set({ modelId: green.id }).where(eq(school.id, a.school.id));
const [bottle] = await t.db.select().from(action).where(eq(action.code, 'own-bottle'));
let key = 0;
for (const w of [a, b])
	for (const who of [w.student, w.parent]) {
		const r = await logAction(
			t.db,
			who.id,
			{
				actionId: bottle.id,
				count: 1,
				day: TODAY,
				mode: who === w.student ? 'person' : 'household',
				idempotencyKey: `export-test-${++key}-xxxx`
			},
			new Date(),
			TZ
		);
		if (!r.ok) throw new Error(r.error);
	}
const organiser = await makeUser(t.db, { roles: ['organiser'] });
const steward = await makeUser(t.db, { roles: ['steward'] });

describe('exports respect the rights and privacy of their pages', () => {
	for (const kind of EXPORT_KINDS) {
		it(`${kind}: only an organiser, or a teacher for their own class, gets the file`, async () => {
			await expect(download(null, [], kind, '')).rejects.toMatchObject({ status: 303 });
			for (const [who, roles] of [
				[a.student, ['student']],
				[a.parent, ['household']],
				[steward, ['steward']]
			] as const)
				await expect(download(who, [...roles], kind, `class=${a.cls.id}`)).rejects.toMatchObject({
					status: 403
				});
			// A teacher: never without a class, never another teacher's class, never wider than the class.
			await expect(download(a.teacher, ['teacher'], kind, '')).rejects.toMatchObject({ status: 403 });
			await expect(download(a.teacher, ['teacher'], kind, `class=${b.cls.id}`)).rejects.toMatchObject({
				status: 403
			});
			await expect(
				download(a.teacher, ['teacher'], kind, `class=${a.cls.id}&school=${a.school.id}`)
			).rejects.toMatchObject({ status: 403 });
			const own = await download(a.teacher, ['teacher'], kind, `class=${a.cls.id}`);
			expect(own.res.status).toBe(200);
			expect(own.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(own.text.startsWith('\uFEFF')).toBe(true);
			const all = await download(organiser, ['organiser'], kind, 'period=12w');
			expect(all.res.status).toBe(200);
		});
	}

	it('gives a teacher their students’ nicknames and an organiser no individual at all, never a real name', async () => {
		const teacher = await download(a.teacher, ['teacher'], 'ledger', `class=${a.cls.id}`);
		expect(teacher.lines[0]).toContain('student_nickname');
		expect(teacher.text).toContain(a.student.nickname);
		expect(teacher.text).not.toContain(b.student.nickname);
		const org = await download(organiser, ['organiser'], 'ledger', 'period=4w');
		expect(org.lines[0]).not.toContain('nickname');
		for (const w of [a, b]) {
			for (const text of [teacher.text, org.text]) {
				expect(text).not.toContain(w.student.displayName);
				expect(text).not.toContain(w.parent.displayName);
			}
			expect(org.text).not.toContain(w.student.nickname);
		}
		const students = await download(a.teacher, ['teacher'], 'participation', `class=${a.cls.id}`);
		expect(students.text).toContain(`,student,${a.student.nickname},`);
	});

	it('filters by model and by class exactly as the dashboard counts them', async () => {
		const byModel = await download(organiser, ['organiser'], 'ledger', `model=${green.id}`);
		// The green school's student entry (class side); nothing of the other world.
		expect(byModel.lines).toHaveLength(2);
		expect(byModel.text).toContain(a.cls.name);
		expect(byModel.text).not.toContain(b.cls.name);
		const byClass = await download(organiser, ['organiser'], 'participation', `class=${b.cls.id}`);
		expect(byClass.lines.slice(1).every((l) => l.includes(`,class,${b.cls.name},`))).toBe(true);
	});

	it('refuses bad filters with a message before computing anything', async () => {
		const cases: [string, number, string][] = [
			['period=custom&from=2026-03-10&to=2026-03-01', 400, 'Ngày bắt đầu phải trước ngày kết thúc.'],
			['period=custom&from=2020-01-01&to=2025-06-01', 400, 'Khoảng thời gian dài tối đa 5 năm.'],
			['colour=green', 400, 'Bộ lọc “colour” không có ở trang này.'],
			['area=1&area=2', 400, 'Bộ lọc “area” chỉ được chọn một lần.'],
			['from=2026-02-30&to=2026-03-01', 400, 'Có ngày không tồn tại trên lịch.'],
			['area=999999', 404, 'Không tìm thấy địa bàn đã chọn.'],
			['class=abc', 400, 'Giá trị không hợp lệ.']
		];
		for (const [search, status, message] of cases) {
			// The refusal carries a message key and its placeholders; what a person reads is checked.
			const refused = await download(organiser, ['organiser'], 'ledger', search).then(
				() => null,
				(e: { status: number; body: { message: MessageKey; params?: Record<string, string | number> } }) => e
			);
			expect(refused?.status).toBe(status);
			expect(translate('vi', refused!.body.message, refused!.body.params)).toBe(message);
			await expect(
				call(dashboard.load, event(organiser, ['organiser'], '/organiser/impact', search))
			).rejects.toMatchObject({ status: search.startsWith('class') ? 400 : status });
		}
	});

	it('shows the dashboard to organisers only', async () => {
		await expect(
			call(dashboard.load, event(a.teacher, ['teacher'], '/organiser/impact', ''))
		).rejects.toMatchObject({ status: 403 });
		const data = (await call(
			dashboard.load,
			event(organiser, ['organiser'], '/organiser/impact', 'period=4w')
		)) as unknown as {
			dashboard: { totals: { actions: number }; participants: { student: number; household: number } };
		};
		expect(data.dashboard.totals.actions).toBe(4);
		expect(data.dashboard.participants).toMatchObject({ student: 2, household: 2 });
	});
});

// Last: it voids an entry, which the counts above do not expect.
describe('the kilograms in an export', () => {
	it('are the stored grams exactly, by the one file rule, a void’s negative ones included', async () => {
		const [mine] = await t.db
			.select({ id: ledgerEntry.id })
			.from(ledgerEntry)
			.where(eq(ledgerEntry.personId, a.student.id));
		expect(await undoOwnEntry(t.db, a.student.id, mine.id)).toMatchObject({ ok: true, already: false });
		const file = await download(a.teacher, ['teacher'], 'ledger', `class=${a.cls.id}`);
		const [header, ...rows] = file.lines.map((l) => l.replace('\uFEFF', '').split(','));
		const cell = (row: string[], name: string) => row[header.indexOf(name)];
		const stored = new Map((await t.db.select().from(ledgerEntry)).map((e) => [e.id, e]));
		expect(rows.map((r) => Math.sign(Number(cell(r, 'points'))))).toEqual(expect.arrayContaining([1, -1]));
		let sum = 0;
		for (const row of rows) {
			const entry = stored.get(Number(cell(row, 'entry_id')))!;
			expect(cell(row, 'kg_avoided')).toBe(String(kgForFile(entry.gramsAvoided)));
			expect(cell(row, 'kg_collected')).toBe(String(kgForFile(entry.gramsCollected)));
			sum += Number(cell(row, 'kg_avoided')) * 1000;
		}
		// A spreadsheet's sum of the column: the entry and its void net to nothing.
		expect(Math.round(sum)).toBe(0);
	});
});
