import { readCredentialsForm } from '../credentialsForm';

const URL_ = 'http://127.0.0.1/api/auth/callback/credentials';

function post(body: string, contentType: string) {
  return new Request(URL_, { method: 'POST', headers: { 'content-type': contentType }, body });
}
const form = (fields: [string, string][]) => post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
const json = (body: unknown) => post(JSON.stringify(body), 'application/json');

describe('reading a sign-in form', () => {
  it('reads the fields next-auth reads, form-encoded or JSON', async () => {
    const fields: [string, string][] = [
      ['email', 'a@b.co'],
      ['password', 'pw'],
      ['csrfToken', 't'],
      ['callbackUrl', '/'],
      ['json', 'true'],
      ['redirect', 'false'],
    ];
    expect(await readCredentialsForm(form(fields))).toEqual({ ok: true, form: Object.fromEntries(fields) });
    expect(await readCredentialsForm(json(Object.fromEntries(fields)))).toEqual({ ok: true, form: Object.fromEntries(fields) });
  });

  it.each([
    [
      'a repeated email (next-auth reads the last one)',
      form([
        ['email', 'victim@b.co'],
        ['email', 'other@b.co'],
        ['password', 'pw'],
      ]),
    ],
    [
      'a repeated password',
      form([
        ['email', 'a@b.co'],
        ['password', 'one'],
        ['password', 'two'],
      ]),
    ],
    [
      'an unknown field',
      form([
        ['email', 'a@b.co'],
        ['password', 'pw'],
        ['username', 'x'],
      ]),
    ],
    ['a missing password', form([['email', 'a@b.co']])],
    ['a JSON email that is not a string', json({ email: ['a@b.co'], password: 'pw' })],
    ['a JSON password that is a number', json({ email: 'a@b.co', password: 12345678 })],
    ['a JSON array', json([{ email: 'a@b.co', password: 'pw' }])],
    ['malformed JSON', post('{"email":', 'application/json')],
    ['a form in UTF-16', post('email=a%40b.co&password=pw', 'application/x-www-form-urlencoded; charset=utf-16')],
    ['a content type that only mentions JSON', post('{"email":"a@b.co","password":"pw"}', 'text/plain; x=application/json')],
    ['multipart, which next-auth does not read', post('--x\r\n', 'multipart/form-data; boundary=x')],
    [
      'an email of 3 KB',
      form([
        ['email', `${'a'.repeat(3 * 1024)}@b.co`],
        ['password', 'pw'],
      ]),
    ],
    [
      'an email of 1 MB',
      form([
        ['email', `${'a'.repeat(1024 * 1024)}@b.co`],
        ['password', 'pw'],
      ]),
    ],
    [
      'a password of 1,025 characters',
      form([
        ['email', 'a@b.co'],
        ['password', 'x'.repeat(1025)],
      ]),
    ],
    ['a password of 1 MB', json({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024) })],
  ])('refuses %s', async (_label, request) => {
    expect(await readCredentialsForm(request)).toMatchObject({ ok: false });
  });

  it('leaves a NUL byte in the email to the account rules (a wrong email, not a bad request)', async () => {
    expect(
      await readCredentialsForm(
        form([
          ['email', 'a\u0000@b.co'],
          ['password', 'pw'],
        ]),
      ),
    ).toMatchObject({ ok: true });
  });
});
