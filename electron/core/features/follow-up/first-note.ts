/**
 * The note of the progress row every follow-up starts with. Kept apart so the search index can
 * leave it out (it would make every follow-up match "catat") without importing the service.
 */
export const FIRST_NOTE = 'Dicatat'
