import { z } from 'zod';
import type { DbOrTx } from '$lib/server/db/client';
import { findByIdempotencyKey } from '$lib/server/ledger/ledger';
import { judgeDeviceTime } from '$lib/rules/offline';
import type { MessageKey } from '$lib/i18n';

const blank = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v);
/** What an offline queue adds to a form: when it was made (ms since 1970) and by whom. */
const queuedSchema = z.object({
	madeAt: z.preprocess(blank, z.coerce.number().int().positive().max(8.64e15).optional()),
	queuedBy: z.preprocess(blank, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()),
	idempotencyKey: z.string().max(64).optional()
});

export type SubmissionTime =
	| { ok: true; now: Date }
	| { ok: false; status: 400 | 403; error: MessageKey; params?: Record<string, number> };

/**
 * The time a form submission counts as made. A live form: now. An entry sent from a device's
 * offline queue carries `madeAt` (judged by `judgeDeviceTime`) and `queuedBy`: an entry queued by
 * someone other than the person signed in is refused. A resend of an entry already stored passes
 * whatever its age, so the service answers it as the duplicate it is.
 */
export async function submissionTime(
	db: DbOrTx,
	userId: number,
	values: Record<string, unknown>,
	serverNow = new Date()
): Promise<SubmissionTime> {
	const parsed = queuedSchema.safeParse(values);
	if (!parsed.success) return { ok: false, status: 400, error: 'form.invalid' };
	const { madeAt, queuedBy, idempotencyKey } = parsed.data;
	if (queuedBy !== undefined && queuedBy !== userId)
		return { ok: false, status: 403, error: 'offline.otherPerson' };
	const verdict = judgeDeviceTime(madeAt, serverNow);
	if (verdict.ok) return { ok: true, now: verdict.at };
	if (idempotencyKey && (await findByIdempotencyKey(db, userId, idempotencyKey)))
		return { ok: true, now: serverNow };
	return { ok: false, status: 400, error: verdict.error, params: verdict.params };
}
