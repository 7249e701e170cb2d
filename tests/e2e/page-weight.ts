import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { initialJs } from '../bench/initial-js';
import type { Crawled } from './crawl';

/**
 * Gzipped JavaScript a page may load before its charts. Every page weighed 68–80 KiB while each
 * loaded its language's whole message table (22.4 KiB gz); since each page loads a table of only
 * the keys it can show (src/lib/i18n/route-keys-plugin.ts) they weigh 50–64 KiB, and the budget
 * came down from 75 so the saving stays. See README, Development.
 */
export const WEIGHT_BUDGET_KIB = 66;

/**
 * How far a listed route may pass its ceiling before the check calls it growth. The same code
 * gzips to a few dozen bytes more or less from one build to the next, because chunks import each
 * other by content-hash names, which compress differently.
 */
export const BUILD_NOISE_KIB = 0.1;

/**
 * Routes over the budget, each with its ceiling: such a route fails when it grows past it, and the
 * list may only shrink (the check also fails when a listed route is back under the budget, so its
 * line is removed). Empty since pages stopped loading the whole message table.
 */
export const OVER_BUDGET: Record<string, number> = {};

const BUILD = join(import.meta.dirname, '..', '..', 'build');

/** Gzipped KiB of JavaScript the page loads before anything lazy (charts come later), from the built files. */
export async function pageWeight(page: Page, crawled: Crawled): Promise<number> {
	const url = new URL(page.url());
	return initialJs(BUILD, url.origin, crawled.html, crawled.linkHeader, url.href).gzipBytes / 1024;
}
