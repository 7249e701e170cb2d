import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { root } from './e2e/servers';

// Debian's Chromium where it exists (these machines cannot download Playwright's own browser);
// elsewhere Playwright's bundled browser, so `npm test` works on a laptop too.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? {
			executablePath: systemChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	: {};

export default defineConfig({
	testDir: './e2e',
	outputDir: join(root, 'test-results'),
	// globalSetup builds and seeds the demo once; each spec then gets its own copy and server
	// (e2e/fixtures.ts), so spec files run in parallel. Tests within one file run in order.
	globalSetup: './e2e/global-setup.ts',
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }]
});
