/** The kinds of challenge: who sets it up and who races in it (see `racedBy` in rules/challenges). */
export const CHALLENGE_SCOPES = ['class', 'school', 'neighbourhood', 'area'] as const;
export type ChallengeScope = (typeof CHALLENGE_SCOPES)[number];
