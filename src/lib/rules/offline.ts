/**
 * When an entry made without a connection still counts. A device queues what a person records
 * offline with the time it was made; the server judges caps, throttles and "today or yesterday"
 * by that time, but only within this tolerance, so a device clock cannot reach further back.
 */

/** A queued entry may be sent up to 48 hours after it was made; older ones are refused. */
export const QUEUED_MAX_AGE_HOURS = 48;
const MAX_AGE_MS = QUEUED_MAX_AGE_HOURS * 60 * 60 * 1000;

export type DeviceTimeVerdict =
	{ ok: true; at: Date } | { ok: false; error: 'offline.tooOld'; params: { hours: number } };

/**
 * The instant an entry counts as made: the device's time when it is within the tolerance, the
 * server's own time for a live form (no device time) or a device clock running ahead (a future
 * time is never believed), and a refusal when it is older than the tolerance.
 */
export function judgeDeviceTime(madeAt: number | undefined, serverNow: Date): DeviceTimeVerdict {
	if (madeAt === undefined || madeAt >= serverNow.getTime()) return { ok: true, at: serverNow };
	if (serverNow.getTime() - madeAt > MAX_AGE_MS)
		return { ok: false, error: 'offline.tooOld', params: { hours: QUEUED_MAX_AGE_HOURS } };
	return { ok: true, at: new Date(madeAt) };
}
