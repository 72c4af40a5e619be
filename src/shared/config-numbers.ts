/** The number shapes the node's configuration schemas share. */
import { z } from 'zod';

/** A whole number above zero (a size, a count, a duration), at most `max`, with its default. */
export function positiveInt(defaultValue: number, max?: number) {
  const n = z.number().int().positive();
  return (max === undefined ? n : n.max(max)).default(defaultValue);
}
