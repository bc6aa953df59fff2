/**
 * What a server action hands back to the browser: success with its data, or a coded failure
 * with a message to show (`field` names the input at fault). The codes are the API's
 * (server/errors.ts ErrorCode).
 */
export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  field?: string;
}

export type ActionResult<Data extends object = object> = ({ ok: true } & Data) | ActionFailure;

/** A failure the browser itself detected (the request never got an answer). */
export function actionFailed(message: string, code = 'NETWORK_ERROR'): ActionFailure {
  return { ok: false, code, message };
}
