import type { MessageKey } from './vi';

/**
 * A message key written where no `t()` reads it yet (a zod error, a flash, a service's error
 * code): checked by `npm run check` like any other, and kept as its literal type.
 */
export const msg = <K extends MessageKey>(key: K): K => key;
