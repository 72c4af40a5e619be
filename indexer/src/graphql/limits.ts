/** Caps shared by the argument types and the query cost rule (no Nest imports: unit-testable). */
export const MAX_PAGE = 100;
