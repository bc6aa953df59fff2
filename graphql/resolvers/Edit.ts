import { requireViewer } from '../access';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Edit: TypeResolvers<'Edit'> = {
  id: (edit) => toGlobalId('Edit', edit.id),
  async revertedBy(edit, _args, ctx) {
    if (!edit.revertedByEditId) return null;
    const restore = await requireViewer(ctx).loaders.edits.load(edit.revertedByEditId);
    // Once the restore itself is undone, the edit's effect is back.
    return restore && restore.revertedAt === null ? restore : null;
  },
};
