import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const AccessToken: TypeResolvers<'AccessToken'> = {
  id: (token) => toGlobalId('AccessToken', token.id),
  prefix: (token) => token.tokenPrefix,
};
