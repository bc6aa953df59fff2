/** Shown for an unknown email and for a wrong password alike, so neither is revealed. */
export const WRONG_CREDENTIALS = 'Wrong email or password.';
