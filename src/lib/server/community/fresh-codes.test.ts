import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeStudentWorld } from '../../../../tests/helpers/factories';
import { schoolClass } from '$lib/server/db/schema';

// Every generated code is the same one: the code space is "full". Before the bound, the
// generators looped forever on this (the test would time out); now they give up after FRESH_TRIES.
const stuck = vi.hoisted(() => ({ code: null as string | null, calls: 0 }));
vi.mock('./codes', async (importOriginal) => {
	const real = await importOriginal<typeof import('./codes')>();
	return {
		...real,
		generateCode: (length?: number) => {
			stuck.calls++;
			return stuck.code ?? real.generateCode(length);
		}
	};
});

const { freshJoinCode } = await import('./classes');
const { FRESH_TRIES, firstFree } = await import('./codes');

const t = await createTestDb();
const world = await makeStudentWorld(t.db);

describe('fresh codes are bounded', () => {
	it('firstFree returns the first value an attempt gives, and gives up after the bound', async () => {
		let n = 0;
		await expect(firstFree(async () => (++n === 3 ? 'ok' : undefined))).resolves.toBe('ok');
		let tries = 0;
		await expect(firstFree(async () => void tries++)).rejects.toThrow(/No free value/);
		expect(tries).toBe(FRESH_TRIES);
	});

	it('a class join code that always clashes fails the request instead of spinning forever', async () => {
		await t.db.update(schoolClass).set({ joinCode: 'XANH6A' }).where(eq(schoolClass.id, world.cls.id));
		stuck.code = 'XANH6A';
		stuck.calls = 0;
		try {
			await expect(freshJoinCode(t.db)).rejects.toThrow(/No free value/);
			expect(stuck.calls).toBe(FRESH_TRIES);
		} finally {
			stuck.code = null;
		}
		await expect(freshJoinCode(t.db)).resolves.toMatch(/^[2-9A-Z]{6}$/);
	}, 10_000);
});
