// "Not a commonly used password": zxcvbn's estimator with its maintained lists (common
// passwords, names, words, keyboard patterns), told the account's own email and name too. The
// length rule (12+) is in the shared schema; this refuses what is long but guessable.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { badRequest } from '../../errors';

/** zxcvbn's scale 0–4; 3 = "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

export function checkPasswordStrength(password: string, userInputs: string[], path = 'password'): void {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  if (password.length < 12)
    throw badRequest('The password is too short', [{ path, message: 'password_too_short' }]);
  const inputs = userInputs.flatMap((s) => s.toLowerCase().split(/[@.\s_-]+/)).filter((s) => s.length > 2);
  if (estimator.check(password, inputs).score < MIN_SCORE) {
    throw badRequest('The password is too common or too easy to guess', [
      { path, message: 'password_too_common' },
    ]);
  }
}
