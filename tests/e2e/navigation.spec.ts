import type { Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/roles';
import { navFor, navSplit } from '../../src/lib/nav';
import { expect, signIn, test } from './fixtures';

// Every demo role, on a 360 px phone and a 1280 px screen, in Vietnamese and English: each
// destination of the role is on screen or one tap away (the menu button), sign-out is reachable,
// and nothing in the navigation runs off the side of the screen.
const PEOPLE: { username: string | null; roles: Role[] | null }[] = [
	{ username: null, roles: null },
	{ username: 'demo-student', roles: ['student'] },
	{ username: 'demo-family', roles: ['household'] },
	{ username: 'demo-teacher', roles: ['teacher', 'household'] },
	{ username: 'demo-steward', roles: ['steward', 'household'] },
	{ username: 'demo-organiser', roles: ['organiser'] }
];
const WIDTHS = [360, 1280];
const NAV_NAME = { vi: 'Điều hướng chính', en: 'Main navigation' };
const MENU_NAME = { vi: 'Menu', en: 'Menu' };

/** The visible element for a destination: its link, or the sign-out button. */
function visibleDestination(page: Page, href: string) {
	const selector =
		href === '/logout' ? '#site-nav form[action="/logout"] button' : `#site-nav a[href="${href}"]`;
	return page.locator(`${selector}:visible`);
}

/** Names of the navigation's visible controls that run past either edge or clip their text. */
async function overflowing(page: Page) {
	return page.evaluate(() => {
		const nav = document.getElementById('site-nav')!;
		const width = document.documentElement.clientWidth;
		const boxes = [nav, ...nav.querySelectorAll<HTMLElement>('ul, li, a, button, summary')];
		return boxes
			.filter((e) => e.checkVisibility())
			.filter((e) => {
				const r = e.getBoundingClientRect();
				return r.left < -0.5 || r.right > width + 0.5 || e.scrollWidth > e.clientWidth + 1;
			})
			.map((e) => `${e.tagName} ${e.textContent?.trim().slice(0, 30)}`);
	});
}

for (const lang of ['vi', 'en'] as const) {
	for (const width of WIDTHS) {
		for (const { username, roles } of PEOPLE) {
			const who = username ?? 'visitor';
			test(`${who} at ${width} px (${lang}): every destination is on screen or one tap away`, async ({
				page
			}) => {
				await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
				if (username) await signIn(page, username);
				else await page.goto('/');
				if (lang === 'en') await page.getByRole('button', { name: 'EN', exact: true }).click();
				try {
					const nav = page.getByRole('navigation', { name: NAV_NAME[lang] });
					await expect(nav).toHaveAttribute('id', 'site-nav');
					const menuButton = nav.locator('summary');
					const expected = navFor(roles).map((i) => i.href);
					// The DOM offers exactly this person's destinations.
					const offered = await page
						.locator('#site-nav a[href], #site-nav form[action]')
						.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('action')!));
					expect([...new Set(offered)].sort()).toEqual([...expected].sort());
					expect(expected).toContain(username ? '/logout' : '/login');

					if (width === 1280) {
						// A wide screen shows everything at once: no menu button, nothing hidden.
						await expect(menuButton).toBeHidden();
						for (const href of expected) await expect(visibleDestination(page, href)).toHaveCount(1);
						await page.screenshot({ path: `test-results/nav-${who}-1280-${lang}.png` });
					} else {
						await expect(menuButton).toBeVisible();
						await expect(menuButton).toHaveText(new RegExp(MENU_NAME[lang]));
						// The role's daily places stay on screen; the rest is one tap away.
						const { primary, more } = navSplit(roles);
						for (const item of primary) await expect(visibleDestination(page, item.href)).toHaveCount(1);
						for (const item of more) await expect(visibleDestination(page, item.href)).toHaveCount(0);
						await page.screenshot({ path: `test-results/nav-${who}-360-${lang}.png` });
						await menuButton.click();
						for (const item of more) await expect(visibleDestination(page, item.href)).toHaveCount(1);
						expect(await overflowing(page)).toEqual([]);
						await page.screenshot({ path: `test-results/nav-${who}-360-${lang}-menu.png` });
						await menuButton.click();
						for (const item of more) await expect(visibleDestination(page, item.href)).toHaveCount(0);
					}
					expect(await overflowing(page)).toEqual([]);
					// The page as a whole never scrolls sideways either.
					expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				} finally {
					// The choice is stored on the account: put the demo person back in Vietnamese.
					if (lang === 'en') await page.getByRole('button', { name: 'VI', exact: true }).click();
				}
			});
		}
	}
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the menu closes once a page from it opens, and Escape closes it from the keyboard', async ({
		page
	}) => {
		await signIn(page, 'demo-teacher');
		const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
		const menu = nav.locator('details.nav-more');
		await nav.getByText('Menu').click();
		await expect(menu).toHaveAttribute('open', '');
		await nav.getByRole('link', { name: 'Tài khoản', exact: true }).click();
		await expect(page).toHaveURL(/\/account$/);
		await expect(menu).not.toHaveAttribute('open');
		// The current page is marked, and the menu button shows that it holds it.
		await expect(page.locator('#site-nav a[href="/account"]:visible')).toHaveCount(0);
		await expect(nav.locator('summary')).toHaveClass(/holds-current/);

		// Keyboard: the button opens with Enter, focus is visible, Escape closes and returns focus.
		await nav.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('open', '');
		await page.keyboard.press('Tab');
		await expect(nav.locator('details ul a').first()).toBeFocused();
		const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
		expect(outline).not.toBe('none');
		await page.keyboard.press('Escape');
		await expect(menu).not.toHaveAttribute('open');
		await expect(nav.locator('summary')).toBeFocused();
		// The current page, on screen, carries aria-current.
		await page.locator('#site-nav a[href="/classes"]:visible').click();
		await expect(page.locator('#site-nav a[href="/classes"]:visible')).toHaveAttribute(
			'aria-current',
			'page'
		);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('the menu opens, a page from it loads, and signing out works', async ({ page }) => {
		await signIn(page, 'demo-family');
		const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
		await nav.getByText('Menu').click();
		await nav.getByRole('link', { name: 'Con em', exact: true }).click();
		await expect(page).toHaveURL(/\/children$/);
		await expect(nav.locator('details.nav-more')).not.toHaveAttribute('open');
		await nav.getByText('Menu').click();
		await nav.getByRole('button', { name: 'Đăng xuất', exact: true }).click();
		await expect(nav.getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
	});
});
