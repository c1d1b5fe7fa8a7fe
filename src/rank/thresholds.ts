/** Above this, loyalty or commitment counts as high (segments, quadrants, flags). */
export const HIGH = 0.5;
/** Above this, voice counts as vocal: voice multiplies activity by favourability, so its scale runs lower. */
export const VOCAL = 0.2;
/** Below this, loyalty counts as lapsed. */
export const LAPSED = 0.35;
