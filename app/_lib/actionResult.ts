import { ValidationError } from '@/lib/validation';

export interface ActionFailure {
  ok: false;
  error: string;
}

/** What a server action hands back to the client: success with its data, or a message to show. */
export type ActionResult<Data extends object = object> = ({ ok: true } & Data) | ActionFailure;

export function actionFailed(error: string): ActionFailure {
  return { ok: false, error };
}

/** Runs an input check: a ValidationError becomes the failure to show; anything else propagates. */
export function checkInput<Value>(validate: () => Value): { ok: true; value: Value } | ActionFailure {
  try {
    return { ok: true, value: validate() };
  } catch (error) {
    if (error instanceof ValidationError) return actionFailed(error.message);
    throw error;
  }
}
