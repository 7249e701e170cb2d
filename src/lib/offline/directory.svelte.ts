import { DIRECTORY_KINDS, type DirectoryEntry } from '$lib/domain/contributors';

const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** The entry whose name is exactly what was typed or picked (ignoring case and spacing), if one is. */
export function findEntry(entries: readonly DirectoryEntry[], typed: string): DirectoryEntry | null {
	const wanted = normalise(typed);
	if (!wanted) return null;
	const hits = entries.filter((e) => normalise(e.label) === wanted);
	return hits.length === 1 ? hits[0] : null;
}

/** One half of the list (households or students), or null when the server did not give it. */
async function fetchHalf(pointId: number, kind: string): Promise<DirectoryEntry[] | null> {
	const res = await fetch(`/api/steward/contributors?point=${pointId}&kind=${kind}`, { cache: 'no-store' });
	return res.ok ? ((await res.json()) as { entries: DirectoryEntry[] }).entries : null;
}

/**
 * The households and students a steward may credit at a point, kept on the device for looking
 * them up without a connection: read from IndexedDB at once, refreshed from the server whenever
 * the page is online (the server decides who is on it).
 */
class ContributorDirectory {
	entries = $state.raw<DirectoryEntry[]>([]);
	refreshedAt = $state<number | null>(null);
	#key = '';

	/** Reads the kept list, then refreshes it when online (`force`: even if it is a minute old). */
	async load(userId: number, pointId: number, force = false) {
		const key = `${userId}:${pointId}`;
		if (key !== this.#key) {
			this.#key = key;
			const kept = await (await import('./store')).loadDirectory(userId, pointId);
			this.entries = kept?.entries ?? [];
			this.refreshedAt = kept?.refreshedAt ?? null;
		}
		if (!navigator.onLine) return;
		if (!force && this.refreshedAt !== null && Date.now() - this.refreshedAt < 60_000) return;
		try {
			const halves = await Promise.all(DIRECTORY_KINDS.map((kind) => fetchHalf(pointId, kind)));
			if (halves.some((h) => h === null) || key !== this.#key) return;
			const fresh = { refreshedAt: Date.now(), entries: halves.flatMap((h) => h ?? []) };
			await (await import('./store')).saveDirectory(userId, pointId, fresh);
			this.entries = fresh.entries;
			this.refreshedAt = fresh.refreshedAt;
		} catch {
			// Offline after all: the kept list stays.
		}
	}

	find(typed: string): DirectoryEntry | null {
		return findEntry(this.entries, typed);
	}
}

export const directory = new ContributorDirectory();
