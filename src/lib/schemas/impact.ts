import { z } from 'zod';
import { firstError, idSchema } from './common';
import { msg } from '$lib/i18n/msg';
import type { MessageKey } from '$lib/i18n';
import {
	PERIOD_PRESETS,
	periodProblem,
	presetPeriod,
	type Period,
	type PeriodPreset
} from '$lib/utils/periods';

/** Every filter a report or export URL may carry; each page accepts some of them. */
export const REPORT_FILTERS = ['area', 'model', 'school', 'class', 'period', 'from', 'to'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), idSchema.optional());
const day = z
	.string()
	.max(10, { error: msg('impact.error.day') })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('impact.error.day') });

const querySchema = z.object({
	area: optionalId,
	model: optionalId,
	school: optionalId,
	class: optionalId,
	period: z.enum([...PERIOD_PRESETS, 'custom'], { error: msg('impact.error.period') }).optional(),
	from: z.preprocess((v) => (v === '' ? undefined : v), day.optional()),
	to: z.preprocess((v) => (v === '' ? undefined : v), day.optional())
});

export interface ReportQuery {
	areaId: number | null;
	modelId: number | null;
	schoolId: number | null;
	classId: number | null;
	preset: PeriodPreset | 'custom';
	period: Period;
}

export type ReportQueryResult =
	| { ok: true; query: ReportQuery }
	| { ok: false; error: MessageKey; params?: Record<string, string | number> };

/**
 * Reads a report's URL filters: only the `allowed` names, each at most once, ids and days well
 * formed, the period a preset or a from–to range that is in order and shorter than five years.
 * A preset wins over from/to (the form always sends all three); with neither, `fallback` applies.
 */
export function parseReportQuery(
	params: URLSearchParams,
	allowed: readonly ReportFilter[],
	today: string,
	fallback: PeriodPreset
): ReportQueryResult {
	const raw: Record<string, string> = {};
	for (const [name, value] of params) {
		if (!(allowed as readonly string[]).includes(name))
			return { ok: false, error: 'impact.error.unknownFilter', params: { name: name.slice(0, 40) } };
		if (name in raw) return { ok: false, error: 'impact.error.repeated', params: { name } };
		raw[name] = value;
	}
	const parsed = querySchema.safeParse(raw);
	if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
	const q = parsed.data;
	const custom = q.period === 'custom' || (!q.period && (q.from !== undefined || q.to !== undefined));
	let period: Period;
	if (custom) {
		if (!q.from || !q.to) return { ok: false, error: 'impact.error.fromTo' };
		period = { from: q.from, to: q.to };
		const problem = periodProblem(period);
		if (problem) return { ok: false, error: `impact.error.${problem}` };
	} else period = presetPeriod((q.period as PeriodPreset | undefined) ?? fallback, today);
	return {
		ok: true,
		query: {
			areaId: q.area ?? null,
			modelId: q.model ?? null,
			schoolId: q.school ?? null,
			classId: q.class ?? null,
			preset: custom ? 'custom' : ((q.period as PeriodPreset | undefined) ?? fallback),
			period
		}
	};
}

/** The URL search string of a query (for links from a report to its exports and back). */
export function reportSearch(q: ReportQuery, only: readonly ReportFilter[] = REPORT_FILTERS): string {
	const p = new URLSearchParams();
	const put = (name: ReportFilter, value: string | number | null) => {
		if (value !== null && only.includes(name)) p.set(name, String(value));
	};
	put('area', q.areaId);
	put('model', q.modelId);
	put('school', q.schoolId);
	put('class', q.classId);
	put('period', q.preset);
	if (q.preset === 'custom') {
		put('from', q.period.from);
		put('to', q.period.to);
	}
	return p.toString();
}

/** A household's month page: `?month=YYYY-MM` (this month when absent), nothing else. */
export function parseMonthQuery(
	params: URLSearchParams,
	today: string
): { ok: true; month: string } | { ok: false; error: MessageKey; params?: Record<string, string> } {
	for (const name of params.keys())
		if (name !== 'month')
			return { ok: false, error: 'impact.error.unknownFilter', params: { name: name.slice(0, 40) } };
	const values = params.getAll('month');
	if (values.length > 1) return { ok: false, error: 'impact.error.repeated', params: { name: 'month' } };
	if (values.length === 0 || values[0] === '') return { ok: true, month: `${today.slice(0, 7)}-01` };
	const m = values[0];
	if (!/^\d{4}-\d{2}$/.test(m) || periodProblem({ from: `${m}-01`, to: `${m}-01` }))
		return { ok: false, error: 'impact.error.month' };
	if (m > today.slice(0, 7)) return { ok: false, error: 'impact.error.future' };
	return { ok: true, month: `${m}-01` };
}

/** Free text in paragraphs: trimmed, line breaks kept (two at most in a row), bounded. */
function paragraphs(max: number) {
	return z
		.string({ error: msg('form.required') })
		.max(max * 4, { error: msg('form.tooLong') })
		.transform((v) =>
			v
				.replace(/\r\n?/g, '\n')
				.replace(/[ \t]+/g, ' ')
				.replace(/ *\n */g, '\n')
				.replace(/\n{3,}/g, '\n\n')
				.trim()
		)
		.pipe(z.string().max(max, { error: msg('form.tooLong') }));
}

/** What an organiser writes on a model's public page for other models to learn from. */
export const modelStorySchema = z.object({
	workedVi: paragraphs(2000),
	workedEn: paragraphs(2000),
	hardVi: paragraphs(2000),
	hardEn: paragraphs(2000),
	supportVi: paragraphs(2000),
	supportEn: paragraphs(2000),
	contact: z
		.string({ error: msg('form.required') })
		.max(1000, { error: msg('form.tooLong') })
		.transform((v) => v.trim().replace(/\s+/g, ' '))
		.pipe(z.string().max(200, { error: msg('form.tooLong') }))
});
export type ModelStoryInput = z.infer<typeof modelStorySchema>;
