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

// Control characters other than tab and newline have no place in names, titles or messages.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export function validateInstruction(content: string): string {
  const trimmed = content.trim();
  if (trimmed.length === 0) throw new ValidationError('content', 'The message is empty.');
  if (trimmed.length > INSTRUCTION_MAX_LENGTH) {
    throw new ValidationError('content', `The message is longer than ${INSTRUCTION_MAX_LENGTH} characters.`);
  }
  if (CONTROL_CHARACTERS.test(trimmed)) throw new ValidationError('content', 'The message contains control characters.');
  return trimmed;
}

/** Project names and session titles: one line, 1 to NAME_MAX_LENGTH characters. */
export function validateName(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new ValidationError(field, `The ${field} is empty.`);
  if (trimmed.length > NAME_MAX_LENGTH) throw new ValidationError(field, `The ${field} is longer than ${NAME_MAX_LENGTH} characters.`);
  if (CONTROL_CHARACTERS.test(trimmed) || /[\r\n\t]/.test(trimmed)) {
    throw new ValidationError(field, `The ${field} contains control characters or line breaks.`);
  }
  return trimmed;
}

export const CLIENT_MESSAGE_ID_MAX_LENGTH = 100;

/** Optional; when sent, it names one instruction of its session, and a retry sends the same. */
export function validateClientMessageId(value: string | null | undefined): string | null {
  if (value == null) return null;
  if (value.trim().length === 0 || value.length > CLIENT_MESSAGE_ID_MAX_LENGTH || CONTROL_CHARACTERS.test(value)) {
    throw new ValidationError('clientMessageId', `\`clientMessageId\` must be 1 to ${CLIENT_MESSAGE_ID_MAX_LENGTH} printable characters.`);
  }
  return value;
}
