import { expect, type Page } from '@playwright/test';

/** Signs in through the real form (demo accounts share one password) and waits for the header's sign-out button. */
export async function signIn(page: Page, username: string, password = 'songxanh-demo') {
	await page.goto('/login');
	await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}
