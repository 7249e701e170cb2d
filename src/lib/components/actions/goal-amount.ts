import { t } from '$lib/i18n/t';
import type { GoalMetric } from '$lib/domain/goals';
import { kgShown } from '$lib/utils/units';

/** A goal's amount in words ("120 điểm", "2,55 kg"): a kg goal counts grams, written by the one kg rule. */
export function goalAmount(metric: GoalMetric, value: number): string {
	return t(`goals.unit.${metric}`, { n: metric === 'kg_collected' ? kgShown(value) : value });
}
