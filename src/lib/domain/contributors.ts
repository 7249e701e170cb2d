// What a steward's offline contributor list holds, shared by its endpoint and the device.

/** The list comes in two halves, fetched apart, so no one answer pairs a child with a household. */
export const DIRECTORY_KINDS = ['households', 'students'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** Someone a steward may credit: what the record form sends as `pick` ("h:12", "u:34") and their name. */
export interface DirectoryEntry {
	pick: string;
	label: string;
}
