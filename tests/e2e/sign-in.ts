import { expect, type Locator, type Page } from '@playwright/test';

/** Signs in through the real form (demo accounts share one password) and waits for the nav's sign-out. */
export async function signIn(page: Page, username: string, password = 'songxanh-demo') {
	await page.goto('/login');
	await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	// On a phone sign-out sits behind the menu button, so it is there but not necessarily visible.
	await expect(page.locator('#site-nav form[action="/logout"]').first()).toBeAttached();
}

/** The main navigation landmark (Vietnamese pages). */
export function mainNav(page: Page): Locator {
	return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/**
 * One way to reach any destination of the main navigation at any width: on screen already, or
 * one tap away behind the menu button on a phone. Returns the link or button, now visible.
 */
export async function navDestination(page: Page, name: string, role: 'link' | 'button' = 'link') {
	const nav = mainNav(page);
	const target = nav.getByRole(role, { name, exact: true });
	const menu = nav.locator('details.nav-more');
	// Wait for the page that offers it (a click may still be navigating), then open the menu if needed.
	await expect(nav.getByRole(role, { name, exact: true, includeHidden: true }).first()).toBeAttached();
	const closed = (await menu.getAttribute('open')) === null;
	if (!(await target.isVisible()) && closed && (await menu.isVisible()))
		await menu.locator('summary').click();
	await expect(target).toBeVisible();
	return target;
}

/** Follows a main-navigation link, opening the phone's menu first if it lives there. */
export async function goToNav(page: Page, name: string) {
	await (await navDestination(page, name)).click();
}

/** Signs out through the main navigation, at any width. */
export async function signOut(page: Page) {
	await (await navDestination(page, 'Đăng xuất', 'button')).click();
	await expect(mainNav(page).getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
}
