import { getAssistant, interpret } from '..';
import { FIXTURE } from './fixtures';

test('the interpreter is the default assistant', async () => {
  const assistant = getAssistant({});
  expect(assistant.name).toBe('interpreter');
  const input = { timeline: FIXTURE, context: { messages: [], edits: [] }, instruction: 'make the outro a bit longer' };
  await expect(assistant.respond(input)).resolves.toEqual(interpret(input));
});

test('ASSISTANT_PROVIDER=interpreter selects the interpreter', () => {
  expect(getAssistant({ ASSISTANT_PROVIDER: 'interpreter' }).name).toBe('interpreter');
});

test('an unknown provider is refused, naming it and the known ones', () => {
  expect(() => getAssistant({ ASSISTANT_PROVIDER: 'openai' })).toThrow('Unknown ASSISTANT_PROVIDER "openai". Known providers: interpreter.');
});
