import { CORPUS_FAMILIES } from '@/lib/assistant/__tests__/corpus/families';
import { expectedTimeline, type CorpusCase } from '@/lib/assistant/__tests__/corpus/corpus';
import { TIMELINES } from '@/lib/assistant/__tests__/corpus/timelines';
import type { Clip, ClipKind } from '@/lib/assistant/types';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser } from '@/testing/factories';
import { ProjectDocument, SendMessageDocument, StartSessionDocument } from '../__generated__/client/graphql';
import { toGlobalId } from '../ids';
import { ApiClient, sessionCookie, setUpApiServer } from './support/api';

/**
 * The phrasing corpus (lib/assistant/__tests__/corpus) as a client meets it: each case on a project
 * of its own, its earlier instructions and then its phrasing sent with sendMessage over HTTP to the
 * server and its database; the reply is the corpus's, and the timeline read back through the API
 * is the corpus's expected one, every other clip field for field as it was.
 */
setUpTestDatabase();

const server = setUpApiServer();

/** A project with the case's timeline; its clips' ids as the corpus names them. */
async function projectFor(row: CorpusCase) {
  const user = await makeUser();
  const corpusTimeline = TIMELINES[row.on];
  const project = await makeProject(
    user.id,
    'Corpus',
    corpusTimeline.map(({ id: _id, ...clip }) => clip),
  );
  const api = new ApiClient(server().url, await sessionCookie(user));
  const projectId = toGlobalId('Project', project.id);
  const started = await api.data(StartSessionDocument, { input: { projectId } });
  const clips = await timelineOf(api, projectId);
  const corpusIdOf = new Map(clips.map((clip, index) => [clip.id, corpusTimeline[index].id]));
  return { api, projectId, sessionId: started.startSession!.session.id, corpusIdOf };
}

async function timelineOf(api: ApiClient, projectId: string) {
  return (await api.data(ProjectDocument, { id: projectId })).project?.timeline.clips ?? [];
}

/** The clips as the corpus writes them: its ids and kinds (the API's enum is upper case), no position. */
function asCorpus(clips: Awaited<ReturnType<typeof timelineOf>>, corpusIdOf: ReadonlyMap<string, string>): Clip[] {
  return clips.map(({ position: _position, ...clip }) => ({ ...clip, kind: clip.kind.toLowerCase() as ClipKind, id: corpusIdOf.get(clip.id) ?? clip.id }));
}

describe.each(CORPUS_FAMILIES.map(({ family, cases }) => [family, cases] as const))('%s, through GraphQL', (_family, cases) => {
  it.each(cases.map((row) => [row.say, row] as const))('%s', async (_, row) => {
    const { api, projectId, sessionId, corpusIdOf } = await projectFor(row);
    let sent = 0;
    const send = async (content: string) => {
      sent += 1;
      const answered = await api.data(SendMessageDocument, { input: { sessionId, content, clientMessageId: `corpus-${sent}` } });
      return answered.sendMessage!;
    };
    for (const earlier of row.given ?? []) await send(earlier);
    const before = asCorpus(await timelineOf(api, projectId), corpusIdOf);
    const answer = await send(row.say);
    const after = asCorpus(await timelineOf(api, projectId), corpusIdOf);

    expect(answer.reply.content).toBe(row.reply);
    if (row.changes === undefined) {
      expect(answer.edits).toEqual([]);
      expect(after).toEqual(before);
      return;
    }
    expect(answer.edits.length).toBeGreaterThan(0);
    expect(after).toEqual(expectedTimeline(before, row));
  });
});
