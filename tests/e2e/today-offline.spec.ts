import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { readQueue, waitUntilKept, writeQueue } from './offline';

test.use({ viewport: { width: 360, height: 740 } });

const button = (page: Page, name: string) => page.getByRole('button', { name: `Ghi: ${name}` });

test('a student logs an action and checks in with no connection; both arrive once, and what the server refuses comes back with the reason', async ({
	page,
	context
}) => {
	await signIn(page, 'demo-student');
	// A new pledge (online), so there is a check-in still to do today.
	const item = `Khăn vải ${Date.now().toString(36)}`;
	await page.goto('/pledges');
	await page.getByRole('radio', { name: /Món khác/ }).check();
	await page.getByLabel('Tên món đồ của bạn').fill(item);
	await page.getByLabel(/nặng bao nhiêu gam/).fill('3');
	await page.getByRole('radio', { name: '7 ngày' }).check();
	await page.getByRole('button', { name: 'Bắt đầu cam kết' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(item);
	const pledgeUrl = page.url();
	await waitUntilKept(page);
	await page.goto('/today');
	await waitUntilKept(page);
	const bag = button(page, 'Từ chối túi nilon');
	const sorting = button(page, 'Phân loại rác tại nguồn');
	await expect(sorting).toContainText('Đã ghi 0/1');
	const bagBefore = (await bag.textContent())!.match(/Đã ghi (\d+)\/5/)![1];

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByText('Không có mạng.')).toBeVisible();
	await bag.click();
	await expect(page.getByText('Đã lưu trên máy. Mục này sẽ được gửi khi có mạng.')).toBeVisible();
	// Sorting waste has a cap of one a day: the second tap is queued, and the server will say no.
	await sorting.click();
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (2)' })).toBeVisible();
	await sorting.click();
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (3)' })).toBeVisible();
	await expect(page.getByTestId('queue-pending')).toContainText('Từ chối túi nilon · hôm nay');
	await page.screenshot({ path: 'test-results/today-offline-queue.png', fullPage: true });

	// The pledge page opens from the device too; the check-in waits there.
	await page.goto(pledgeUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(item);
	await page.getByRole('radio', { name: 'Hôm nay' }).check();
	await page.getByLabel(/Số đồ nhựa dùng một lần đã tránh được/).fill('2');
	await page.getByRole('button', { name: 'Điểm danh', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (1)' })).toBeVisible();
	await expect(page.getByTestId('queue-pending')).toContainText(`Điểm danh cam kết: ${item} · hôm nay`);
	expect(await readQueue(page)).toHaveLength(4);

	// Back online: everything is sent; the check-in arrives once.
	await context.setOffline(false);
	await expect(page.getByRole('heading', { name: /Đang chờ gửi/ })).toHaveCount(0);
	await page.reload();
	await expect(page.getByText('Hôm nay đã điểm danh ✓')).toBeVisible();
	await expect(page.getByTestId('pledge-streak')).toHaveText('🔥 Chuỗi 1 ngày');

	// The action arrived once; the over-the-cap one came back with the reason, to discard.
	await page.goto('/today');
	await expect(bag).toContainText(`Đã ghi ${Number(bagBefore) + 1}/5`);
	await expect(sorting).toContainText('Đủ 1 lần hôm nay');
	const refused = page.getByTestId('queue-refused');
	await expect(page.getByRole('heading', { name: 'Cần xem lại (1)' })).toBeVisible();
	await expect(refused).toContainText('Đã đủ giới hạn 1 lần trong ngày cho hành động này (còn 0).');
	await refused.getByRole('button', { name: 'Bỏ mục này' }).click();
	await expect(page.getByRole('heading', { name: /Cần xem lại/ })).toHaveCount(0);
	expect(await readQueue(page)).toHaveLength(0);
});

test("a tampered queue is refused by the server's usual rules and shown in the reader's language", async ({
	page,
	context
}) => {
	await signIn(page, 'demo-student');
	await page.goto('/today');
	await waitUntilKept(page);
	const straw = button(page, 'Không dùng ống hút nhựa');
	const before = await straw.textContent();

	await context.setOffline(true);
	await page.reload();
	await straw.click();
	await straw.click();
	await expect(page.getByRole('heading', { name: 'Đang chờ gửi (2)' })).toBeVisible();
	// Someone edits the stored entries: one claims another household, one carries a broken key.
	const [a, b] = await readQueue(page);
	await writeQueue(page, [
		{ ...a, fields: { ...a.fields, householdId: '999999' } },
		{ ...b, fields: { ...b.fields, idempotencyKey: 'not a key!' } }
	]);
	await context.setOffline(false);

	await expect(page.getByRole('heading', { name: 'Cần xem lại (2)' })).toBeVisible();
	const refused = page.getByTestId('queue-refused');
	await expect(refused).toContainText('Bạn không thuộc lớp hoặc hộ này.');
	await expect(refused).toContainText('Giá trị không hợp lệ.');
	// In English for a reader who switches language.
	await page.getByRole('button', { name: 'EN' }).click();
	await expect(page.getByRole('heading', { name: 'Needs another look (2)' })).toBeVisible();
	await expect(refused).toContainText('You do not belong to this class or household.');
	await page.getByRole('button', { name: 'VI' }).click();
	for (let i = 0; i < 2; i++) await refused.getByRole('button', { name: 'Bỏ mục này' }).first().click();
	await expect(page.getByRole('heading', { name: /Cần xem lại/ })).toHaveCount(0);
	await page.reload();
	expect(await straw.textContent()).toBe(before);
});

test('without JavaScript the page says offline recording needs it, and the plain form still works', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
	const page = await context.newPage();
	await signIn(page, 'demo-family');
	await page.goto('/today');
	await expect(page.getByText('Ghi khi mất mạng cần JavaScript.')).toBeVisible();
	// Whichever action the family can still log today.
	const name = (await page.locator('button.tap:not([disabled]) .name').first().textContent())!
		.replace(/^Ghi:\s*/, '')
		.trim();
	const tap = button(page, name);
	const [, used, cap] = (await tap.textContent())!.match(/Đã ghi (\d+)\/(\d+)/)!.map(Number);
	await tap.click();
	await expect(page.getByRole('status')).toContainText('Đã ghi lại');
	await expect(tap).toContainText(used + 1 === cap ? `Đủ ${cap} lần hôm nay` : `Đã ghi ${used + 1}/${cap}`);
	await context.close();
});
