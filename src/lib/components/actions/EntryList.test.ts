import { describe, expect, it, vi } from 'vitest';
import { render } from 'svelte/server';
import EntryList from './EntryList.svelte';

// The component reads its language and messages from the page, as under the root layout.
vi.mock('$app/state', async () => ({
	page: { data: { locale: 'vi', messages: (await import('$lib/i18n/vi')).default } }
}));
vi.mock('$app/forms', () => ({ enhance: () => ({}) }));

const entry = {
	id: 1,
	localDay: '2026-11-29',
	points: 16,
	sourceKind: 'action',
	actionVi: 'Rót đầy lại thay vì mua chai mới',
	actionEn: 'Refill instead of buying a new bottle',
	count: 2,
	nickname: 'Linh 6A1',
	voided: false,
	voidReason: null,
	voidedBy: null
};

describe('EntryList', () => {
	it('puts a space between an action and its count ("… chai mới ×2")', () => {
		const { body } = render(EntryList, { props: { entries: [entry] } });
		const text = body.replace(/<!--.*?-->/g, '').replace(/<[^>]+>/g, '');
		expect(text).toContain('Rót đầy lại thay vì mua chai mới ×2');
	});
});
