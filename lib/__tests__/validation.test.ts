import { ValidationError, validateClientMessageId, validateInstruction, validateName, validateText } from '../validation';

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return `${error.field}: ${error.message}`;
  }
}

describe('validateText, the rule every text input passes', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a C0 control (bell)', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['C1 next line', 'a\u0085b'],
    ['C1 control sequence introducer', 'a\u009bb'],
  ])('refuses %s, naming the field', (_label, value) => {
    expect(refusal(() => validateText('query', value))).toBe('query: The query contains control characters.');
  });

  it('keeps tabs, line breaks and every script as they are', () => {
    for (const value of ['a\tb', 'one\ntwo', 'one\r\ntwo', 'Lisboa à noite', 'שלום', '夏のリスボン', '🎬 cut'])
      expect(validateText('content', value)).toBe(value);
  });
});

describe('validateName', () => {
  it('stores one spelling: NFC, trimmed', () => {
    const decomposed = 'Cafe\u0301 scene';
    expect(validateName('name', `  ${decomposed} `)).toBe('Café scene');
    expect(validateName('name', decomposed)).toBe(validateName('name', 'Café scene'));
  });

  it.each([
    ['a right-to-left override', 'invoice\u202egpj.exe', 'The name contains characters that reverse the direction of text.'],
    ['a left-to-right embedding', 'a\u202ab', 'The name contains characters that reverse the direction of text.'],
    ['a first-strong isolate', 'a\u2068b', 'The name contains characters that reverse the direction of text.'],
    ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff', 'The name has no visible character.'],
    ['a Hangul filler only', '\u3164', 'The name has no visible character.'],
    ['a C1 control', 'Intro\u0085', 'The name contains control characters.'],
    ['a line break', 'Intro\nOutro', 'The name contains control characters or line breaks.'],
    ['only spaces', '   ', 'The name is empty.'],
  ])('refuses %s', (_label, value, message) => {
    expect(refusal(() => validateName('name', value))).toBe(`name: ${message}`);
  });

  it('takes names in right-to-left scripts, with direction marks, and emoji', () => {
    for (const value of ['סרט הקיץ', 'فيلم\u200f 2', '🎬', 'Ünïcødé']) expect(validateName('name', value)).toBe(value);
  });
});

describe('validateInstruction', () => {
  it('reads Windows line breaks as line breaks', () => {
    expect(validateInstruction('make the intro longer\r\nthen mute the outro\r')).toBe('make the intro longer\nthen mute the outro');
  });

  it('refuses control characters', () => {
    expect(refusal(() => validateInstruction('mute\u0000 the intro'))).toBe('content: The content contains control characters.');
  });
});

describe('validateClientMessageId', () => {
  it('refuses an id with nothing visible in it', () => {
    expect(refusal(() => validateClientMessageId('\u200b'))).toMatch(/^clientMessageId: /);
    expect(validateClientMessageId('0b7a-1')).toBe('0b7a-1');
  });
});
