import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseId, requireHousehold } from '$lib/server/access/routes';
import { mayDecideHouseholdRequest } from '$lib/server/access/grants';
import { mayNameHouseholdChildren } from '$lib/server/access/visibility';
import { setFlash } from '$lib/server/flash';
import { getHouseholdCode, listMembers, rotateHouseholdCode } from '$lib/server/community/households';
import { decideHouseholdRequest, recoverHousehold } from '$lib/server/community/household-requests';
import { reissueCardSchema, recoverSchema } from '$lib/schemas/trust';
import { fieldErrors } from '$lib/schemas/common';
import { cardOf, formatCardNumber, issueCard } from '$lib/server/people/cards';
import { qrPath } from '$lib/server/playground/qr';
import { formKey, readForm, refillValues } from '$lib/server/form-values';
import { once } from '$lib/server/db/receipts';
import { refuse } from '$lib/server/refuse';
import { msg } from '$lib/i18n/msg';

const ANYONE = ['adult', 'student', 'steward', 'organiser'] as const;

export const load: PageServerLoad = async (event) => {
	const { db, user, householdId, household, relation } = await requireHousehold(event, ANYONE);
	const members = await listMembers(db, householdId);
	const decides = await mayDecideHouseholdRequest(db, user, householdId);
	// The join code lets people ask to join: only the household's adults see and change it.
	const code = relation === 'adult' ? await getHouseholdCode(db, householdId) : null;
	// The drop-off card only credits plastic: every member may show it at a collection point.
	const card = mayNameHouseholdChildren(relation) ? await cardOf(db, { householdId }) : null;
	const named = mayNameHouseholdChildren(relation);
	return {
		household,
		relation,
		// Its steward and organisers see adults (to recover the household) but never its children.
		members: members
			.filter((m) => named || m.kind === 'adult')
			.map((m) => ({ id: m.id, nickname: m.nickname, kind: m.kind, status: m.status })),
		hiddenStudents: named ? 0 : members.filter((m) => m.kind === 'student').length,
		code,
		joinQr: code ? qrPath(`${event.url.origin}/households?code=${code}`) : null,
		card: card ? formatCardNumber(card) : null,
		cardQr: card ? qrPath(card) : null,
		canDecide: decides !== null,
		recovery: decides === 'recovery',
		idempotencyKey: crypto.randomUUID()
	};
};

async function decide(event: RequestEvent, approve: boolean) {
	const { db, user, householdId } = await requireHousehold(event, ANYONE);
	const form = await readForm(event);
	const userId = parseId(form.userId as string | undefined);
	const res = await decideHouseholdRequest(db, user, householdId, userId, approve);
	if (!res.ok) error(res.status, { message: res.error });
	return {
		done: res.outcome === 'declined' ? msg('structure.members.declined') : msg('structure.members.approved')
	};
}

export const actions: Actions = {
	approve: (event) => decide(event, true),
	decline: (event) => decide(event, false),
	rotate: async (event) => {
		const { db, householdId, user } = await requireHousehold(event, ['adult']);
		const key = formKey(await readForm(event));
		await once(
			db,
			{ actor: { userId: user.id }, form: `household.rotate:${householdId}`, key },
			async (tx) => ({
				ok: true,
				code: await rotateHouseholdCode(tx, householdId)
			})
		);
		setFlash(event.cookies, 'structure.members.rotated');
		redirect(303, `/households/${householdId}/members`);
	},
	/** A new drop-off card number (the old card stops crediting), for a lost card. */
	card: async (event) => {
		const { db, householdId, user } = await requireHousehold(event, ['adult']);
		const form = await readForm(event);
		const key = formKey(form);
		const parsed = reissueCardSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { message: msg('form.invalid') });
		// A double tap issues one new card, not two (the first would stop crediting at once).
		await once(
			db,
			{ actor: { userId: user.id }, form: `household.card:${householdId}`, key },
			async (tx) => ({
				ok: true,
				card: await issueCard(tx, { householdId })
			})
		);
		setFlash(event.cookies, 'trust.card.reissued');
		redirect(303, `/households/${householdId}/members`);
	},
	/** With no adult left, its steward or an organiser names the adult who takes it over. */
	recover: async (event) => {
		const { db, user, householdId } = await requireHousehold(event, ['steward', 'organiser']);
		const form = await readForm(event);
		const values = refillValues(form, ['username'], 254);
		const parsed = recoverSchema.safeParse(form);
		if (!parsed.success) return refuse(400, { values, errors: fieldErrors(parsed.error) });
		const res = await recoverHousehold(db, user, householdId, parsed.data.username);
		if (!res.ok) return refuse(res.status, { values, errors: { username: res.error } });
		setFlash(event.cookies, 'trust.household.recovered');
		redirect(303, `/households/${householdId}/members`);
	}
};
