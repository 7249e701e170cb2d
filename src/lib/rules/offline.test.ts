import { describe, expect, it } from 'vitest';
import { judgeDeviceTime, QUEUED_MAX_AGE_HOURS } from './offline';

const now = new Date('2025-05-12T03:00:00Z');
const hours = (h: number) => h * 60 * 60 * 1000;

describe('judgeDeviceTime', () => {
	it('uses the server time for a live form', () => {
		expect(judgeDeviceTime(undefined, now)).toEqual({ ok: true, at: now });
	});

	it('believes a device time inside the tolerance', () => {
		const madeAt = now.getTime() - hours(30);
		expect(judgeDeviceTime(madeAt, now)).toEqual({ ok: true, at: new Date(madeAt) });
		const edge = now.getTime() - hours(QUEUED_MAX_AGE_HOURS);
		expect(judgeDeviceTime(edge, now)).toEqual({ ok: true, at: new Date(edge) });
	});

	it('refuses an entry older than the tolerance', () => {
		const madeAt = now.getTime() - hours(QUEUED_MAX_AGE_HOURS) - 1;
		expect(judgeDeviceTime(madeAt, now)).toEqual({
			ok: false,
			error: 'offline.tooOld',
			params: { hours: QUEUED_MAX_AGE_HOURS }
		});
	});

	it('never believes a device clock that runs ahead', () => {
		expect(judgeDeviceTime(now.getTime() + hours(26), now)).toEqual({ ok: true, at: now });
	});
});
