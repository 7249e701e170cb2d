/**
 * The CSV files an organiser or teacher can download, as `/exports/<kind>.csv`. Kept apart from the
 * zod schemas: the route's param matcher runs in the browser, in the router every page loads, so
 * whatever it imports is in every page's first JavaScript.
 */
export const EXPORT_KINDS = ['ledger', 'contributions', 'participation'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
