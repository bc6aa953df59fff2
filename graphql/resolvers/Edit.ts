import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Edit: TypeResolvers<'Edit'> = {
  id: (edit) => toGlobalId('Edit', edit.id),
};
