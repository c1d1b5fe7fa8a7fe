/** Bits of a public post's `flags` column in a profile store. */
export const MENTIONS_BRAND = 1;
export const REPLIES_TO_CRITICISM = 2;
/** The record said whether it mentions the brand (so threads never overrule it). */
export const MENTIONS_GIVEN = 4;
/** The record said whether it replies to criticism (so threads never overrule it). */
export const REPLY_GIVEN = 8;
/** The record gave the post's sentiment (a listening tool's label or score): used as given, never read again. */
export const TONE_GIVEN = 16;
/** A missing day in an Int32 day column (no invitation, no record). */
export const NO_DAY = -2_147_483_648;
