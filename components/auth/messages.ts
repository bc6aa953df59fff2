/** Shown for an unknown email and for a wrong password alike, so neither is revealed. */
export const WRONG_CREDENTIALS = 'Wrong email or password.';

/** After too many failed attempts on an account or from an address. */
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many failed sign-in attempts. Wait a few minutes and try again.';
