import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../tests/helpers/db';
import { fakeCookies } from '../../../../tests/helpers/events';
import { makeUser } from '../../../../tests/helpers/factories';
import { DEVICE_COOKIE, deviceFor, isKnownDevice, rememberDevice, verifyDeviceCookie } from './device';

const t = await createTestDb({ reference: false });
const event = (cookies: Record<string, string> = {}, origin = 'http://localhost') => ({
	cookies: fakeCookies(cookies) as never,
	url: new URL(`${origin}/join`)
});

describe('device cookies', () => {
	it('a first visit gets a signed id; the next request brings it back and nothing is rewritten', async () => {
		const first = event();
		const made = await deviceFor(t.db, first);
		expect(made.fresh).toBe(true);
		const cookies = first.cookies as unknown as ReturnType<typeof fakeCookies>;
		const [set] = cookies.written;
		expect(set.name).toBe(DEVICE_COOKIE);
		expect(set.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });

		const again = event({ [DEVICE_COOKIE]: set.value });
		expect(await deviceFor(t.db, again)).toEqual({ id: made.id, fresh: false });
		expect((again.cookies as unknown as ReturnType<typeof fakeCookies>).written).toEqual([]);
	});

	it('over https the cookie is Secure', async () => {
		const e = event({}, 'https://songxanh.example');
		await deviceFor(t.db, e);
		expect((e.cookies as unknown as ReturnType<typeof fakeCookies>).written[0].options.secure).toBe(true);
	});

	it('an id we did not sign, or a tampered one, is not a device', async () => {
		const e = event();
		const { id } = await deviceFor(t.db, e);
		const value = (e.cookies as unknown as ReturnType<typeof fakeCookies>).written[0].value;
		expect(await verifyDeviceCookie(t.db, value)).toBe(id);
		const [, sig] = value.split('.');
		expect(await verifyDeviceCookie(t.db, `${'a'.repeat(32)}.${sig}`)).toBeNull();
		expect(await verifyDeviceCookie(t.db, `${id}.${'b'.repeat(26)}`)).toBeNull();
		expect(await verifyDeviceCookie(t.db, id)).toBeNull();
		expect(await verifyDeviceCookie(t.db, undefined)).toBeNull();
	});

	it('a device is known to a person after they sign in on it, and forgotten after a year unused', async () => {
		const u = await makeUser(t.db);
		const now = Date.now();
		expect(await isKnownDevice(t.db, u.id, 'phone-of-u', now)).toBe(false);
		await rememberDevice(t.db, u.id, 'phone-of-u', now);
		expect(await isKnownDevice(t.db, u.id, 'phone-of-u', now)).toBe(true);
		expect(await isKnownDevice(t.db, u.id, 'phone-of-someone-else', now)).toBe(false);
		expect(await isKnownDevice(t.db, u.id, 'phone-of-u', now + 366 * 86_400_000)).toBe(false);
	});
});
