import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { initialJs } from '../bench/initial-js';
import type { Crawled } from './crawl';

export const WEIGHT_BUDGET_KIB = 75;
const BUILD = join(import.meta.dirname, '..', '..', 'build');

/** Gzipped KiB of JavaScript the page loads before anything lazy (charts come later), from the built files. */
export async function pageWeight(page: Page, crawled: Crawled): Promise<number> {
	const url = new URL(page.url());
	return initialJs(BUILD, url.origin, crawled.html, crawled.linkHeader, url.href).gzipBytes / 1024;
}
