/** What earned a ledger entry; each has a `source.<kind>` message. */
export const SOURCE_KINDS = ['action', 'checkin', 'contribution', 'bonus', 'reversal'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: string): value is SourceKind {
	return (SOURCE_KINDS as readonly string[]).includes(value);
}
