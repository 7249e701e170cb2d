import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL ?? 'file:data/songxanh.db';
const remote = !url.startsWith('file:');

export default defineConfig({
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	dialect: remote ? 'turso' : 'sqlite',
	dbCredentials: remote ? { url, authToken: process.env.DATABASE_AUTH_TOKEN } : { url },
	strict: true,
	verbose: true
});
