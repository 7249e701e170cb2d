import { CLASS_ROWS } from './rows-classes';
import { PEOPLE_ROWS } from './rows-people';
import { PLACE_ROWS } from './rows-places';

/** Every row of the matrix; see shapes.ts for how to write one. */
export const ROWS = [...PEOPLE_ROWS, ...CLASS_ROWS, ...PLACE_ROWS];
