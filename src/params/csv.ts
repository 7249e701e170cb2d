import type { ParamMatcher } from '@sveltejs/kit';
import { EXPORT_KINDS } from '$lib/schemas/impact';

/** `ledger.csv`, `contributions.csv` or `participation.csv`. */
export const match: ParamMatcher = (param) => EXPORT_KINDS.some((k) => param === `${k}.csv`);
