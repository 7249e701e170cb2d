import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialJs as initialJsIn } from './initial-js';
import { BUILD_DIR } from './server';

/** The board page's up-front JavaScript in the benchmark's build (see initial-js.ts). */
export const initialJs = (html: string, linkHeader: string, pageUrl: string) =>
	initialJsIn(BUILD_DIR, new URL(pageUrl).origin, html, linkHeader, pageUrl);

/** Throws when chart.js is among the files a board loads up front: it must load lazily. */
export function assertChartLazy(files: string[]): void {
	if (files.some((f) => readFileSync(join(BUILD_DIR, 'client', f), 'utf8').includes('getChart'))) {
		throw new Error("chart.js is in the board route's initial JavaScript: it must load lazily");
	}
}
