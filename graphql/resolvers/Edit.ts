import type { Edit as EditRow } from '@/db/schema';
import { requireViewer } from '../access';
import type { GraphQLContext } from '../context';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Edit: TypeResolvers<'Edit'> = {
  id: (edit) => toGlobalId('Edit', edit.id),
  revertedBy: (edit, _args, ctx) => restoreInEffect(edit, ctx),
  // Undone in its session, or else taken back by a restore still in effect: either way not applied.
  revertedAt: async (edit, _args, ctx) => edit.revertedAt ?? (await restoreInEffect(edit, ctx))?.createdAt ?? null,
};

/** The timeline restore that reverted the edit, while it is in effect: once the restore itself is undone, the edit's effect is back. */
async function restoreInEffect(edit: EditRow, ctx: GraphQLContext): Promise<EditRow | null> {
  if (!edit.revertedByEditId) return null;
  const restore = await requireViewer(ctx).loaders.edits.load(edit.revertedByEditId);
  return restore && restore.revertedAt === null ? restore : null;
}
