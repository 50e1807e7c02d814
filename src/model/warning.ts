/** @module Import warnings: what an importer could not recover, with the file and line it concerns. */
import { z } from 'zod';

export const WarningSchema = z.object({
  code: z.string(),
  file: z.string(),
  line: z.number().int().nonnegative().nullable(),
  message: z.string(),
});
export type Warning = z.infer<typeof WarningSchema>;
