import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { LOGIN_LIMITS, clearLimit, lockedFor, loginKeys, recordFailure } from './rate-limit';

const t = await createTestDb({ reference: false });

describe('login rate limits', () => {
	it('locks an account on the 5th failure in the window, whatever the IP, and unlocks later', async () => {
		const now = 1_000_000_000;
		const { account } = loginKeys('  Teacher@School.vn ', '1.1.1.1');
		expect(account).toBe('login:acct:teacher@school.vn');
		for (let i = 0; i < 4; i++) await recordFailure(t.db, account, LOGIN_LIMITS.account, now + i);
		expect(await lockedFor(t.db, [account], now + 10)).toBe(0);
		await recordFailure(t.db, account, LOGIN_LIMITS.account, now + 20);
		expect(await lockedFor(t.db, [account], now + 30)).toBe(LOGIN_LIMITS.account.lockMs - 10);
		expect(await lockedFor(t.db, [account], now + 20 + LOGIN_LIMITS.account.lockMs)).toBe(0);
	});

	it('starts a new window after the old one passes', async () => {
		const now = 2_000_000_000;
		const key = 'login:acct:window';
		for (let i = 0; i < 4; i++) await recordFailure(t.db, key, LOGIN_LIMITS.account, now);
		await recordFailure(t.db, key, LOGIN_LIMITS.account, now + LOGIN_LIMITS.account.windowMs + 1);
		expect(await lockedFor(t.db, [key], now + LOGIN_LIMITS.account.windowMs + 2)).toBe(0);
	});

	it('an IP shared by a school tolerates many failures before locking', async () => {
		const now = 3_000_000_000;
		const { ip } = loginKeys('x', '10.0.0.1');
		for (let i = 0; i < LOGIN_LIMITS.ip.max - 1; i++) await recordFailure(t.db, ip, LOGIN_LIMITS.ip, now);
		expect(await lockedFor(t.db, [ip], now)).toBe(0);
		await recordFailure(t.db, ip, LOGIN_LIMITS.ip, now);
		expect(await lockedFor(t.db, [ip], now)).toBeGreaterThan(0);
		await clearLimit(t.db, ip);
		expect(await lockedFor(t.db, [ip], now)).toBe(0);
	});
});
