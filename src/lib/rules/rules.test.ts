import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logActionSchema, voidEntrySchema } from '$lib/schemas/actions';
import { challengeFormObject, createChallengeSchemaFor } from '$lib/schemas/challenges';
import { decideWithReasonSchema } from '$lib/schemas/playground';
import { ACTION_RULES } from './actions';
import { CHALLENGE_RULES, challengeDayBounds, checkChallengeDays } from './challenges';
import { PER_MEMBER_RULES, perMemberScore } from './boards';
import { DROP_OFF_REASON, LARGE_DROP_OFF_GRAMS } from './playground';
import { PLEDGE_LIMITS } from './pledges';
import { messages } from '$lib/i18n';

// Issue 11, item 7: one home per product number. The schemas enforce exactly the catalogue's
// bounds, and the components the issue found copying numbers read them from the catalogue.

const src = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the rules catalogue is the one home of product numbers', () => {
	it('the schemas take their bounds from the catalogue', () => {
		const reason = (n: number) => voidEntrySchema.safeParse({ entryId: '1', reason: 'x'.repeat(n) }).success;
		expect([ACTION_RULES.voidReason.min - 1, ACTION_RULES.voidReason.min].map(reason)).toEqual([false, true]);
		expect([ACTION_RULES.voidReason.max, ACTION_RULES.voidReason.max + 1].map(reason)).toEqual([true, false]);
		const drop = (n: number) =>
			decideWithReasonSchema.safeParse({ contributionId: '1', reason: 'x'.repeat(n) }).success;
		expect([DROP_OFF_REASON.max, DROP_OFF_REASON.max + 1].map(drop)).toEqual([true, false]);
		const count = (n: number) =>
			logActionSchema.safeParse({
				actionId: '1',
				count: String(n),
				day: '2026-11-25',
				mode: 'person',
				idempotencyKey: 'abcdefgh'
			}).success;
		expect([ACTION_RULES.maxLogCount, ACTION_RULES.maxLogCount + 1].map(count)).toEqual([true, false]);
		const points = (p: number) =>
			createChallengeSchemaFor('2026-11-25').safeParse(
				challengeFormObject({
					title: 'A',
					description: '',
					scope: 'class',
					classIds: '3',
					startDay: '2026-11-25',
					endDay: '2026-11-30',
					actionIds: '7',
					points_7: String(p)
				})
			).success;
		expect([ACTION_RULES.points.max, ACTION_RULES.points.max + 1, 0].map(points)).toEqual([
			true,
			false,
			false
		]);
	});

	it('the components the issue named no longer carry their own copies', () => {
		expect(src('lib/components/playground/DropOffFields.svelte')).not.toMatch(/> 500\b/);
		expect(src('lib/components/actions/EntryList.svelte')).not.toMatch(/maxlength=\{200\}|min: 3, max: 200/);
		const pledge = src('routes/(app)/pledges/[pledgeId=id]/+page.svelte');
		expect(pledge).not.toMatch(/graceHeld >= 2|n: 7 -/);
		for (const path of [
			'lib/components/playground/StewardDayList.svelte',
			'lib/components/playground/AnnouncedDropOff.svelte'
		])
			expect(src(path)).not.toMatch(/maxlength=\{300\}/);
	});

	it('messages name a bound through a placeholder, never by writing the number again', () => {
		const numberIn: [string, number][] = [
			['pledge.rules.grace', PLEDGE_LIMITS.graceEvery],
			['pledge.rules.grace', PLEDGE_LIMITS.maxGrace],
			['pledge.graceFull', PLEDGE_LIMITS.maxGrace],
			['playground.steward.confirmLarge', LARGE_DROP_OFF_GRAMS / 1000],
			['playground.error.largeNeedsConfirm', LARGE_DROP_OFF_GRAMS / 1000],
			['actions.count.invalid', ACTION_RULES.maxLogCount],
			['challenges.days.tooLong', CHALLENGE_RULES.maxDays],
			['board.perMember.rule.household', PER_MEMBER_RULES.household.minMembers]
		];
		for (const locale of ['vi', 'en'] as const)
			for (const [key, n] of numberIn) {
				const text = (messages[locale] as Record<string, string>)[key];
				expect(text, `${locale} ${key}`).toBeDefined();
				expect(text, `${locale} ${key}`).not.toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
			}
	});
});

describe('challenge days', () => {
	it('a challenge starts at most a month back, lasts at most a year, and ends today or later', () => {
		const today = '2026-11-25';
		const b = challengeDayBounds(today);
		expect(b).toMatchObject({ startMin: '2026-10-26', startMax: '2027-11-25', endMin: today });
		expect(b.endMax('2026-11-25')).toBe('2027-11-24');
		expect(checkChallengeDays(b.startMin, today, today)).toBeNull();
		expect(checkChallengeDays('2026-10-25', today, today)?.error).toBe('challenges.days.startTooEarly');
		expect(checkChallengeDays(today, '9999-12-31', today)?.error).toBe('challenges.days.tooLong');
		expect(checkChallengeDays('2026-11-01', '2026-11-24', today)?.error).toBe('challenges.days.past');
		expect(checkChallengeDays(today, b.endMax(today), today)).toBeNull();
		expect(CHALLENGE_RULES.maxDays).toBe(365);
	});
});

describe('per member', () => {
	it('follows each kind of group its own rule', () => {
		expect(PER_MEMBER_RULES.class.minMembers).toBe(3);
		expect(perMemberScore('class', 90, 2, 7)).toBeNull();
		expect(perMemberScore('class', 90, 3, 1)).toBe(30);
		expect(perMemberScore('household', 90, 1, 1)).toBeNull();
		expect(perMemberScore('household', 90, 1, 2)).toBe(90);
		expect(perMemberScore('household', 90, 2, 1)).toBe(45);
		expect(perMemberScore('person', 90, 5, 5)).toBeNull();
	});
});
