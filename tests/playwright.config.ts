import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 4173);
const dataDir = join(root, 'tests', '.tmp', `e2e-${port}`);
// A fresh database per run: the journeys start from the demo data alone. Only in the runner's main
// process: workers load this file too, and deleting the file under the running server breaks it.
if (!process.env.E2E_REUSE_DB && !process.env.TEST_WORKER_INDEX) {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
}

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
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: {
		command: process.env.E2E_SKIP_BUILD ? 'node build' : 'npx vite build && node build',
		cwd: root,
		port,
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`,
			DEMO_DATA: 'on',
			BODY_SIZE_LIMIT: '2M',
			APP_TIMEZONE: 'Asia/Ho_Chi_Minh'
		}
	}
});
