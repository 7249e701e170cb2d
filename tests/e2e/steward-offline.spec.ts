import type { Page } from '@playwright/test';
import { expect, navDestination, signIn, signOut, test } from './fixtures';
import { readQueue, waitUntilKept, writeQueue } from './offline';

test.use({ viewport: { width: 360, height: 740 } });

async function record(
	page: Page,
	who: string,
	material: string,
	kg: string,
	extra: { count?: string; volume?: string } = {}
) {
	const form = page.locator('form[action="?/record"]');
	await form.getByLabel('Ai mang đến?').fill(who);
	await form.getByRole('radio', { name: material }).check();
	await form.getByLabel('Khối lượng (kg)').fill(kg);
	if (extra.count) await form.getByLabel('Số lượng (cái)').fill(extra.count);
	if (extra.volume) await form.getByLabel('Thể tích mỗi chai ecobrick (ml)').fill(extra.volume);
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
}

/** The pagoda's desk (the school point's day belongs to the other playground journey), kept for offline use. */
async function openPagoda(page: Page) {
	await page.goto('/steward');
	await page.getByLabel('Điểm thu gom').selectOption({ label: 'Chùa Đình Quán' });
	await page.getByRole('button', { name: 'Đổi điểm' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chùa Đình Quán');
	await waitUntilKept(page);
}

/** How many of today's rows look like each of this journey's three drop-offs. */
async function ours(page: Page): Promise<number[]> {
	const rows = page.getByTestId('today-list').getByRole('listitem');
	return Promise.all(
		[
			['Nhà Cây Bàng', '1,4 kg'],
			['Bông Sen Nhỏ', '0,5 kg'],
			['Gạch sinh thái', '0,2 kg']
		].map(([who, kg]) => rows.filter({ hasText: who }).filter({ hasText: kg }).count())
	);
}

/** "3 lượt · 4,65 kg · 128 điểm" → 3 */
async function visits(page: Page): Promise<number> {
	return Number((await page.getByTestId('today-totals').textContent())!.split(' ')[0]);
}

test('a steward records three drop-offs with no connection; they survive a reload and each is stored once; a refused one comes back for correction', async ({
	page,
	context
}) => {
	await signIn(page, 'demo-steward');
	await openPagoda(page);
	// The offline list holds the neighbourhood's households and students, fetched while online.
	await expect(page.getByTestId('directory-status')).toContainText('Tra cứu khi mất mạng:');
	await expect(page.locator('#contributor-directory option[value^="Nhà Cây Bàng · "]')).toHaveCount(1);
	const before = await visits(page);
	const oursBefore = await ours(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chùa Đình Quán');
	await expect(page.getByText('Không có mạng.')).toBeVisible();

	await record(page, 'Nhà Cây Bàng', 'Chai nhựa PET', '1,2');
	await expect(page.getByText('Đã lưu trên máy. Mục này sẽ được gửi khi có mạng.')).toBeVisible();
	// The form is ready for the next person, keeping the material.
	await expect(page.getByLabel('Ai mang đến?')).toHaveValue('');
	await expect(
		page.locator('form[action="?/record"]').getByRole('radio', { name: 'Chai nhựa PET' })
	).toBeChecked();
	// Found in the offline list by the name the suggestions show.
	await record(page, 'Bông Sen Nhỏ · 6A1', 'Nắp chai', '0,5');
	// Too light for an ecobrick (0,13 g/ml): only the server refuses it.
	await record(page, 'Nhà Xanh Số 7', 'Gạch sinh thái (ecobrick)', '0,2', { count: '1', volume: '1500' });

	const waiting = page.getByTestId('queue-pending');
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (3)' })).toBeVisible();
	await expect(waiting.getByRole('listitem')).toHaveCount(3);
	await expect(waiting.getByRole('listitem').nth(1)).toContainText('Bông Sen Nhỏ · 6A1 · Nắp chai · 0,5 kg');
	await page.screenshot({ path: 'test-results/steward-offline-queue.png', fullPage: true });

	// An entry can be corrected before it is sent.
	await waiting.getByRole('listitem').first().getByRole('button', { name: 'Sửa' }).click();
	await waiting.getByLabel('Khối lượng (kg)').fill('1,4');
	await waiting.getByRole('button', { name: 'Lưu và gửi' }).click();
	await expect(waiting.getByRole('listitem').first()).toContainText('Nhà Cây Bàng · Chai nhựa PET · 1,4 kg');
	const queued = await readQueue(page);
	expect(queued).toHaveLength(3);
	for (const item of queued) expect(item.fields.idempotencyKey).toBe(item.id);
	expect(new Set(queued.map((i) => i.id)).size).toBe(3);

	// The queue survives a reload with no connection.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (3)' })).toBeVisible();
	expect(await visits(page)).toBe(before);

	// Back online: sent in order; two are stored, the ecobrick comes back with the reason.
	await context.setOffline(false);
	const refused = page.getByTestId('queue-refused');
	await expect(page.getByRole('heading', { name: 'Cần xem lại (1)' })).toBeVisible();
	await expect(refused).toContainText('Ecobrick quá lỏng (dưới 0,33 g/ml)');
	await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0);
	await expect.poll(() => visits(page)).toBe(before + 2);

	// A resend of an entry the server already holds changes nothing.
	const first = queued.find((i) => i.fields.contributor === 'Nhà Cây Bàng')!;
	await writeQueue(page, [{ ...first, state: 'pending', attempts: 0, notBefore: 0 }]);
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (1)' })).toBeVisible();
	await page.getByRole('button', { name: 'Gửi ngay' }).click();
	await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0);

	// The steward corrects the ecobrick's volume and sends it again.
	await refused.getByRole('button', { name: 'Sửa' }).click();
	await refused.getByLabel('Thể tích mỗi chai ecobrick (ml)').fill('400');
	await refused.getByRole('button', { name: 'Lưu và gửi' }).click();
	await expect(page.getByRole('heading', { name: /Cần xem lại/ })).toHaveCount(0);
	await expect.poll(() => visits(page)).toBe(before + 3);

	// Each one is stored exactly once, as a fresh page from the server shows.
	await page.reload();
	expect(await visits(page)).toBe(before + 3);
	expect(await ours(page)).toEqual(oursBefore.map((n) => n + 1));
	expect(await readQueue(page)).toHaveLength(0);
});

test('signing out asks before dropping unsent entries, then clears what the device kept for the steward', async ({
	page,
	context
}) => {
	await signIn(page, 'demo-steward');
	await openPagoda(page);
	await expect(page.getByTestId('directory-status')).toBeVisible();
	await context.setOffline(true);
	await record(page, 'Nhà Cây Bàng', 'Chai nhựa PET', '0,3');
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (1)' })).toBeVisible();
	// With an entry still waiting, signing out asks first; "no" keeps everything.
	const asked = new Promise<string>((resolve) =>
		page.once('dialog', (d) => {
			resolve(d.message());
			void d.dismiss();
		})
	);
	await (await navDestination(page, 'Đăng xuất', 'button')).click();
	expect(await asked).toContain('Máy này còn 1 mục chưa gửi.');
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (1)' })).toBeVisible();
	expect(await readQueue(page)).toHaveLength(1);
	await context.setOffline(false);
	await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0);

	await signOut(page);
	await expect(page.getByRole('status')).toContainText('Bạn đã đăng xuất');
	await expect
		.poll(() =>
			page.evaluate(async () =>
				(await (await caches.open('songxanh-pages')).keys()).map((r) => new URL(r.url).pathname)
			)
		)
		.not.toContain('/steward');
	// The contributor list is gone from the device too.
	const kept = await page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const open = indexedDB.open('songxanh-private');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('kv')) return resolve(0);
					const count = db.transaction('kv').objectStore('kv').count();
					count.onsuccess = () => resolve(count.result);
				};
			})
	);
	expect(kept).toBe(0);
	// Offline, the steward desk is no longer there to open.
	await context.setOffline(true);
	await page.goto('/steward').catch(() => {});
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không có mạng');
	await context.setOffline(false);
});
