import { describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeClass, makeUser } from '../../../../tests/helpers/factories';

const t = await createTestDb();
const seen: ({ done: number; total: number; status: string } | null)[] = [];
let probe: () => Promise<void> = async () => {};
// Each hash first records how far the import says it has got, as the polling page would see it.
vi.mock('$lib/server/auth/password', () => ({
	hashPassword: async (p: string) => {
		await probe();
		return `fake-hash-${p}`;
	}
}));
const { importRoster, rosterProgress } = await import('./roster');

describe('roster import progress', () => {
	it('is readable while passwords are hashed, chunk by chunk, and ends finished', async () => {
		const teacher = await makeUser(t.db, { roles: ['teacher'] });
		const cls = await makeClass(t.db, { teacherIds: [teacher.id] });
		probe = async () => {
			seen.push(await rosterProgress(t.db, teacher.id, cls.id, 'progress-key-1'));
		};
		const names = Array.from({ length: 10 }, (_, i) => `Học sinh ${String.fromCharCode(65 + i)}`);
		const res = await importRoster(t.db, {
			classId: cls.id,
			teacherId: teacher.id,
			importKey: 'progress-key-1',
			names,
			locale: 'vi'
		});
		expect(res.ok).toBe(true);
		expect(seen).toHaveLength(10);
		expect(seen.every((s) => s?.status === 'running' && s.total === 10)).toBe(true);
		expect([...new Set(seen.map((s) => s!.done))]).toEqual([0, 4, 8]);
		expect(await rosterProgress(t.db, teacher.id, cls.id, 'progress-key-1')).toEqual({
			done: 10,
			total: 10,
			status: 'finished'
		});
		// another teacher cannot read it
		expect(await rosterProgress(t.db, teacher.id + 1000, cls.id, 'progress-key-1')).toBeNull();
	});
});
