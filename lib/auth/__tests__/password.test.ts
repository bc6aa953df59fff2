import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../password';
import { isCommonPassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../passwordPolicy';

describe('password hashes', () => {
  it('are argon2id with the parameters new hashes use', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword('a long enough passphrase', hash)).toBe(true);
    expect(await verifyPassword('a long enough passphrase!', hash)).toBe(false);
  });

  it('keep nothing past 72 bytes out of the comparison', async () => {
    const password = 'x'.repeat(72);
    expect(await verifyPassword(`${password}anything`, await hashPassword(password))).toBe(false);
  });

  it('still verify bcrypt hashes from before argon2id, which need rehashing', async () => {
    const legacy = bcrypt.hashSync('codirector-demo', 10);
    expect(needsRehash(legacy)).toBe(true);
    expect(await verifyPassword('codirector-demo', legacy)).toBe(true);
    expect(await verifyPassword('codirector-dem0', legacy)).toBe(false);
  });

  it('refuse a bcrypt password with anything appended past its 72 bytes, which bcrypt alone would accept', async () => {
    const password = 'p'.repeat(72);
    const legacy = bcrypt.hashSync(password, 4);
    expect(await bcrypt.compare(`${password}anything`, legacy)).toBe(true);
    expect(await verifyPassword(`${password}anything`, legacy)).toBe(false);
    expect(await verifyPassword(password, legacy)).toBe(true);
  });

  it('spend a verification on an unknown email and never accept it', async () => {
    expect(await verifyAgainstNothing('anything at all')).toBe(false);
  });
});

describe('new passwords', () => {
  it('are refused when short, over 1,024 characters, or among the most common ones', () => {
    expect(passwordProblem('short')).toBe('Use at least 8 characters.');
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH + 1))).toBe('Use at most 1024 characters.');
    expect(passwordProblem('x'.repeat(1024 * 1024))).toBe('Use at most 1024 characters.');
    for (const common of ['password1', 'Password123', 'qwertyuiop', 'iloveyou']) expect(isCommonPassword(common)).toBe(true);
    expect(passwordProblem('password123')).toMatch(/most common/);
  });

  it('are accepted otherwise', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_LENGTH))).toBeNull();
  });
});
