import type { GlobalOptions } from '../session';

export const ROLES = ['poster', 'worker', 'both'] as const;

export interface StartOptions extends GlobalOptions {
  role?: (typeof ROLES)[number];
}
