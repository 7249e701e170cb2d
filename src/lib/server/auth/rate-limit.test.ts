import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { rateLimit } from '$lib/server/db/schema';
import { createTestDb } from '../../../../tests/helpers/db';
import { makeUser, TEST_PASSWORD } from '../../../../tests/helpers/factories';
import { LIMITS, clearLimit, limit, lockedFor, recordFailure } from './rate-limit';
import { signIn } from './sign-in';
import { throttleCode } from './code-throttle';

const t = await createTestDb({ reference: false });
const MIN = 60_000;

describe('rate-limit counters', () => {
	it('lock on the max-th failure in the window, unlock after the lock, and a new window starts afresh', async () => {
		const now = 1_000_000_000;
		const acct = limit('account', 'teacher@school.vn');
		for (let i = 0; i < LIMITS.account.max - 1; i++) await recordFailure(t.db, [acct], now + i);
		expect(await lockedFor(t.db, [acct], now + 10)).toBe(0);
		await recordFailure(t.db, [acct], now + 20);
		expect(await lockedFor(t.db, [acct], now + 30)).toBe(LIMITS.account.lockMs - 10);
		expect(await lockedFor(t.db, [acct], now + 20 + LIMITS.account.lockMs)).toBe(0);

		const other = limit('account', 'window');
		for (let i = 0; i < LIMITS.account.max - 1; i++) await recordFailure(t.db, [other], now);
		await recordFailure(t.db, [other], now + LIMITS.account.windowMs + 1);
		expect(await lockedFor(t.db, [other], now + LIMITS.account.windowMs + 2)).toBe(0);
		await clearLimit(t.db, other);
	});
});

describe('sign-in (device cookies)', () => {
	const address = '203.0.113.50';

	it('the owner signs in from their known device while 50 wrong attempts come from the same address', async () => {
		const owner = await makeUser(t.db, { roles: ['teacher'], username: 'co.hoa@example.vn' });
		const now = 2_000_000_000;
		const ownerDevice = 'ownerdeviceaaaaaaaaaaaaaaaaaaaaa';
		const first = await signIn(
			t.db,
			{ username: 'co.hoa@example.vn', password: TEST_PASSWORD, deviceId: ownerDevice, address },
			now
		);
		expect(first).toEqual({ ok: true, userId: owner.id });

		// A stranger on the same school address, from a device of their own, guesses 50 times.
		const results = [];
		for (let i = 0; i < 50; i++)
			results.push(
				await signIn(
					t.db,
					{
						username: ' Co.Hoa@example.vn ',
						password: `guess-${i}`,
						deviceId: 'strangerdevicebbbbbbbbbbbbbbbbbbb',
						address
					},
					now + i
				)
			);
		expect(
			results.slice(0, LIMITS.account.max).every((r) => r.ok === false && r.error === 'auth.login.invalid')
		).toBe(true);
		expect(results.at(-1)).toMatchObject({ ok: false, error: 'auth.login.locked' });
		// The right password on an unknown device is refused too while the account is locked for strangers…
		expect(
			await signIn(
				t.db,
				{
					username: 'co.hoa@example.vn',
					password: TEST_PASSWORD,
					deviceId: 'newphonecccccccccccccccccccccccc',
					address
				},
				now + 60
			)
		).toMatchObject({ ok: false, error: 'auth.login.locked' });
		// …but the owner's own device still gets in.
		expect(
			await signIn(
				t.db,
				{ username: 'co.hoa@example.vn', password: TEST_PASSWORD, deviceId: ownerDevice, address },
				now + 61
			)
		).toEqual({ ok: true, userId: owner.id });
	});

	it('a known device that keeps failing is locked for itself, then counted like a stranger', async () => {
		const u = await makeUser(t.db, { username: 'hs.an' });
		const now = 3_000_000_000;
		const device = 'shareddeviceddddddddddddddddddddd';
		await signIn(t.db, { username: 'hs.an', password: TEST_PASSWORD, deviceId: device, address }, now);
		for (let i = 0; i < LIMITS.knownDevice.max; i++)
			await signIn(t.db, { username: 'hs.an', password: 'wrong-wrong', deviceId: device, address }, now + i);
		// The device lock ends its trust: the next attempts count against the account.
		for (let i = 0; i < LIMITS.account.max; i++)
			await signIn(
				t.db,
				{ username: 'hs.an', password: 'wrong-wrong', deviceId: device, address },
				now + 100 + i
			);
		expect(
			await signIn(t.db, { username: 'hs.an', password: TEST_PASSWORD, deviceId: device, address }, now + 200)
		).toMatchObject({
			ok: false,
			error: 'auth.login.locked'
		});
		expect(
			await signIn(
				t.db,
				{ username: 'hs.an', password: TEST_PASSWORD, deviceId: device, address },
				now + 200 + LIMITS.account.lockMs
			)
		).toEqual({ ok: true, userId: u.id });
	});

	it('unknown names are throttled like real ones, and the address locks after its budget', async () => {
		const now = 4_000_000_000;
		const addr = '198.51.100.7';
		const stranger = (username: string, at: number) =>
			signIn(t.db, { username, password: 'x', deviceId: 'f'.repeat(32), address: addr }, at);
		for (let i = 0; i < LIMITS.account.max; i++) await stranger('nobody', now + i);
		expect(await stranger('nobody', now + 10)).toMatchObject({ error: 'auth.login.locked' });
		// Earlier failures from this address (as many as the budget allows, less one), then one more.
		await t.db
			.update(rateLimit)
			.set({ count: LIMITS.address.max - 2 })
			.where(eq(rateLimit.key, limit('address', addr).key));
		expect(await stranger('somebody', now + 30)).toMatchObject({ error: 'auth.login.invalid' });
		expect(await stranger('someone-else', now + 31)).toMatchObject({ error: 'auth.login.invalid' });
		expect(await stranger('a-third-name', now + 32)).toMatchObject({ error: 'auth.login.locked' });
	});
});

describe('code throttle (one policy for every code)', () => {
	const school = '203.0.113.99';
	const wrong = async () => ({ ok: false as const });
	const right = async () => ({ ok: true as const });
	const isWrong = (r: { ok: boolean }) => !r.ok;

	it('the 31st wrong code from one device is refused while a classmate’s device still joins', async () => {
		const now = 5_000_000_000;
		const child = { userId: null, deviceId: 'childdevice', address: school };
		for (let i = 0; i < LIMITS.codeSubject.max; i++) {
			const r = await throttleCode(t.db, child, wrong, isWrong, now + i);
			expect(r.throttled).toBe(false);
		}
		const refused = await throttleCode(t.db, child, right, isWrong, now + 40);
		expect(refused).toEqual({ throttled: true, minutes: 15 });
		const classmate = { userId: null, deviceId: 'classmatedevice', address: school };
		expect(await throttleCode(t.db, classmate, right, isWrong, now + 41)).toEqual({
			throttled: false,
			result: { ok: true }
		});
		// A signed-in person has their own budget too.
		expect(
			(
				await throttleCode(
					t.db,
					{ userId: 42, deviceId: 'childdevice', address: school },
					right,
					isWrong,
					now + 42
				)
			).throttled
		).toBe(false);
	});

	it('clearing cookies buys nothing: cookieless attempts share a small budget per address', async () => {
		const now = 6_000_000_000;
		const addr = '203.0.113.100';
		for (let i = 0; i < LIMITS.codeCookieless.max; i++)
			await throttleCode(t.db, { userId: null, deviceId: null, address: addr }, wrong, isWrong, now + i);
		expect(
			(await throttleCode(t.db, { userId: null, deviceId: null, address: addr }, right, isWrong, now + 50))
				.throttled
		).toBe(true);
		expect(
			(await throttleCode(t.db, { userId: null, deviceId: 'kept', address: addr }, right, isWrong, now + 51))
				.throttled
		).toBe(false);
	});

	it('an address stops after its school-sized budget, whatever the devices', async () => {
		const now = 7_000_000_000;
		const addr = '203.0.113.101';
		const key = limit('codeAddress', addr).key;
		await t.db.insert(rateLimit).values({ key, count: LIMITS.codeAddress.max - 1, windowStart: now });
		await throttleCode(t.db, { userId: null, deviceId: 'one-more', address: addr }, wrong, isWrong, now);
		const late = await throttleCode(
			t.db,
			{ userId: null, deviceId: 'fresh', address: addr },
			right,
			isWrong,
			now + 1
		);
		expect(late.throttled).toBe(true);
		expect(await lockedFor(t.db, [limit('codeAddress', addr)], now + 1 + 15 * MIN)).toBe(0);
	});
});
