import { ECOBRICK_RULES } from '$lib/rules/playground';

export type EcobrickCheck =
	| { status: 'ok'; density: number }
	| {
			status: 'warn';
			density: number;
			reason: 'playground.ecobrick.warnLight' | 'playground.ecobrick.warnHeavy';
	  }
	| {
			status: 'reject';
			density: number | null;
			reason:
				'playground.ecobrick.tooLight' | 'playground.ecobrick.tooHeavy' | 'playground.ecobrick.needsVolume';
	  };

/** Rounded to 3 decimals so 0.33 g/ml typed as 165 g in 500 ml is exactly on the edge, not below it. */
function ecobrickDensity(grams: number, volumeMl: number): number {
	return Math.round((grams / volumeMl) * 1000) / 1000;
}

/** Accepted 0.33–0.73 g/ml inclusive; warned (but accepted) below 0.36 or above 0.65. */
export function checkEcobrick(grams: number, volumeMl: number | null | undefined): EcobrickCheck {
	if (!volumeMl || volumeMl <= 0 || !(grams > 0))
		return { status: 'reject', density: null, reason: 'playground.ecobrick.needsVolume' };
	const density = ecobrickDensity(grams, volumeMl);
	if (density < ECOBRICK_RULES.minDensity)
		return { status: 'reject', density, reason: 'playground.ecobrick.tooLight' };
	if (density > ECOBRICK_RULES.maxDensity)
		return { status: 'reject', density, reason: 'playground.ecobrick.tooHeavy' };
	if (density < ECOBRICK_RULES.warnBelow)
		return { status: 'warn', density, reason: 'playground.ecobrick.warnLight' };
	if (density > ECOBRICK_RULES.warnAbove)
		return { status: 'warn', density, reason: 'playground.ecobrick.warnHeavy' };
	return { status: 'ok', density };
}

/**
 * A recorded drop-off's ecobrick warning for the steward (accepted, but worth a word to the
 * person who brought it), as a message key, or null.
 */
export function ecobrickWarning(c: {
	material: string;
	grams: number;
	volumeMl: number | null;
	itemCount: number | null;
}): 'playground.steward.recordedWarnLight' | 'playground.steward.recordedWarnHeavy' | null {
	if (c.material !== 'ecobricks' || !c.volumeMl) return null;
	const check = checkEcobrick(c.grams, c.volumeMl * (c.itemCount ?? 1));
	if (check.status !== 'warn') return null;
	return check.reason === 'playground.ecobrick.warnLight'
		? 'playground.steward.recordedWarnLight'
		: 'playground.steward.recordedWarnHeavy';
}
