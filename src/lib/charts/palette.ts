/**
 * Every colour the charts use. The named ones follow the app's green and its accents; each reads
 * on white and stays apart in greyscale print. Builders take colours from here, never literals.
 */
export const PALETTE = {
	green: '#1f7a4d',
	yellow: '#f2b705',
	blue: '#2b6cb0',
	magenta: '#b83280',
	brown: '#8a5a00',
	grey: '#55605a',
	/** Guide lines drawn behind the data (a straight line to a target). */
	muted: '#8a968f'
} as const;

/** Series in rank order (Okabe–Ito): distinct for colour-blind readers, for up to six lines. */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

/** One colour per material, in the order of MATERIALS. */
export const MATERIAL_COLOURS = [
	PALETTE.green,
	PALETTE.yellow,
	PALETTE.blue,
	PALETTE.magenta,
	PALETTE.brown,
	PALETTE.grey
] as const;

/** A colour of the palette as a translucent fill under a line (`alpha` from 0 to 1). */
export function translucent(hex: string, alpha: number): string {
	const n = Number.parseInt(hex.slice(1), 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
