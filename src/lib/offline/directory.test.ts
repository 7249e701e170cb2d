import { describe, expect, it } from 'vitest';
import { findEntry } from './directory.svelte';

const entries = [
	{ pick: 'h:1', label: 'Nhà Xanh Số 7' },
	{ pick: 'u:5', label: 'Bông Sen Nhỏ · 6A1' },
	{ pick: 'h:9', label: 'Gia đình Hoa Sen' },
	{ pick: 'h:10', label: 'Gia đình Hoa Sen' }
];

describe('findEntry', () => {
	it('finds the one person a picked or typed name stands for, ignoring case and spacing', () => {
		expect(findEntry(entries, 'Bông Sen Nhỏ · 6A1')).toEqual(entries[1]);
		expect(findEntry(entries, '  nhà xanh   số 7 ')).toEqual(entries[0]);
		// Composed and decomposed Vietnamese letters are the same name.
		expect(findEntry(entries, 'Nhà Xanh Số 7'.normalize('NFD'))).toEqual(entries[0]);
	});

	it('credits nobody on a partial, unknown or shared name: the server decides then', () => {
		expect(findEntry(entries, 'Xanh')).toBeNull();
		expect(findEntry(entries, 'Nhà Cây Bàng')).toBeNull();
		expect(findEntry(entries, 'Gia đình Hoa Sen')).toBeNull();
		expect(findEntry(entries, '')).toBeNull();
	});
});
