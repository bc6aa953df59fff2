/** Input rules shared by the GraphQL API and the web UI, so both refuse the same things. */

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    /** The input field at fault, e.g. "content" or "title". */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const INSTRUCTION_MAX_LENGTH = 4000;
export const NAME_MAX_LENGTH = 120;

/**
 * C0 controls other than tab, line feed and carriage return (NUL among them, which Postgres
 * cannot store), DEL, and the C1 controls (U+0085 next line, U+009B control sequence
 * introducer…): no text input of any kind takes them.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides and isolates: they reorder how the text after them reads ("exe.jpg" shown for "gpj.exe"). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Something that shows: not a space, a control or an invisible format character (zero-width space, joiners, BOM, Hangul fillers). */
const VISIBLE_CHARACTER = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]/u;
const LINE_BREAKS_AND_TABS = /[\r\n\t]/;

/** Every text a client sends, whatever it is for: no control characters (the rule server/inputs.ts applies to each string). */
export function validateText(field: string, value: string): string {
  if (CONTROL_CHARACTERS.test(value)) throw new ValidationError(field, `The ${field} contains control characters.`);
  return value;
}

/** An instruction: 1 to INSTRUCTION_MAX_LENGTH characters (trimmed), line breaks as `\n`. */
export function validateInstruction(content: string): string {
  const trimmed = validateText('content', content).replace(/\r\n?/g, '\n').trim();
  if (trimmed.length === 0) throw new ValidationError('content', 'The message is empty.');
  if (trimmed.length > INSTRUCTION_MAX_LENGTH) {
    throw new ValidationError('content', `The message is longer than ${INSTRUCTION_MAX_LENGTH} characters.`);
  }
  return trimmed;
}

/**
 * Project names, session titles, token and account names: one line of 1 to NAME_MAX_LENGTH
 * characters, in one spelling (NFC, so "é" typed two ways is one name), with something visible
 * and nothing that changes how the text around it reads.
 */
export function validateName(field: string, value: string): string {
  const name = validateText(field, value).normalize('NFC').trim();
  if (name.length === 0) throw new ValidationError(field, `The ${field} is empty.`);
  if (name.length > NAME_MAX_LENGTH) throw new ValidationError(field, `The ${field} is longer than ${NAME_MAX_LENGTH} characters.`);
  if (LINE_BREAKS_AND_TABS.test(name)) throw new ValidationError(field, `The ${field} contains control characters or line breaks.`);
  if (BIDI_CONTROLS.test(name)) throw new ValidationError(field, `The ${field} contains characters that reverse the direction of text.`);
  if (!VISIBLE_CHARACTER.test(name)) throw new ValidationError(field, `The ${field} has no visible character.`);
  return name;
}

export const CLIENT_MESSAGE_ID_MAX_LENGTH = 100;

/** Optional; when sent, it names one instruction of its session, and a retry sends the same. */
export function validateClientMessageId(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!VISIBLE_CHARACTER.test(value) || value.length > CLIENT_MESSAGE_ID_MAX_LENGTH || CONTROL_CHARACTERS.test(value)) {
    throw new ValidationError('clientMessageId', `\`clientMessageId\` must be 1 to ${CLIENT_MESSAGE_ID_MAX_LENGTH} printable characters.`);
  }
  return value;
}
