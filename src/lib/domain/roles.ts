// Vocabulary the database, the server and the browser share. No imports: schema files, zod
// schemas and components all read these lists, so a page never pulls server code or zod for them.

/** What a person may be; one person can hold several. */
export const ROLES = ['organiser', 'teacher', 'student', 'household', 'steward'] as const;
export type Role = (typeof ROLES)[number];
