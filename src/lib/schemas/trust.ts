import { z } from 'zod';
import { idSchema, text } from './common';

/** A parent code typed from a printed letter (or carried by its QR link). */
export const parentCodeSchema = z.object({ code: text(24) });

/** An adult named by e-mail or username (a teacher linking a parent, a steward recovering a household). */
export const recoverSchema = z.object({ username: text(254) });
export const guardianLinkSchema = z.object({ studentId: idSchema, username: text(254) });
export const unlinkGuardianSchema = z.object({ studentId: idSchema, guardianId: idSchema });
export const studentSchema = z.object({ studentId: idSchema });

/** A new drop-off card number replaces the old one, so the form asks to confirm it. */
export const reissueCardSchema = z.object({ confirm: z.literal('yes', { error: 'form.invalid' }) });

/** An organiser widens what a collection point serves by one neighbourhood. */
export const serveSchema = z.object({ pointId: idSchema, neighbourhoodId: idSchema });
