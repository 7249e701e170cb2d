import { describe, expect, it } from 'vitest';
import { classSchema, joinClassSchema } from './structure';

const join = {
	code: 'XANH6A',
	displayName: 'Phạm Minh An',
	nickname: 'Bông Sen',
	password: 'mat-khau-dai',
	confirm: 'mat-khau-dai',
	idempotencyKey: 'join-form-key-1'
};

describe('structure schemas', () => {
	it('a nickname needs a letter and cannot be an e-mail or a link', () => {
		expect(joinClassSchema.safeParse(join).success).toBe(true);
		for (const nickname of ['an@truong.vn', 'www.x.vn', '🌿🌿', '1234', 'A']) {
			const r = joinClassSchema.safeParse({ ...join, nickname });
			expect(r.success, nickname).toBe(false);
		}
		const r = joinClassSchema.safeParse({ ...join, confirm: 'khac' });
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]).toMatchObject({ path: ['confirm'], message: 'auth.password.mismatch' });
	});

	it('a class has a sane name, a grade 1–12 and consecutive school years', () => {
		const ok = { schoolId: '1', name: '6A1', grade: '6', schoolYear: '2026-2027' };
		expect(classSchema.parse(ok)).toEqual({ schoolId: 1, name: '6A1', grade: 6, schoolYear: '2026-2027' });
		expect(classSchema.safeParse({ ...ok, schoolYear: '2026-2028' }).success).toBe(false);
		expect(classSchema.safeParse({ ...ok, grade: '13' }).success).toBe(false);
		expect(classSchema.safeParse({ ...ok, name: '<b>' }).success).toBe(false);
		expect(classSchema.safeParse({ ...ok, schoolId: 'abc' }).success).toBe(false);
	});
});
