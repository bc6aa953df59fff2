// Bounded soak: 4 simulated devices of one user drive a production server on loopback with a
// mixed load for SOAK_SECONDS (default 180), then every instruction they sent is checked to be
// stored exactly once. Not part of `npm test`; run with `npm run soak` after `npm run build`.
import { DEMO } from './support/app';
import { graphql, prepareOwnDatabase, signInCookie, startOwnServer } from './support/ownServer';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const DEVICES = 4;
const INSTRUCTIONS = ['make the intro a bit longer', 'make the intro a bit shorter', 'mute the beach scene', 'unmute it', 'undo that', 'redo'];

interface Tally {
  requests: number;
  serverErrors: number;
  sent: Map<string, string[]>;
}

type Connection = { edges: { node: { id: string } }[] };

async function device(baseUrl: string, cookie: string, projectId: string, deadline: number, tally: Tally, index: number) {
  const call = async <Data>(query: string, variables: Record<string, unknown> = {}) => {
    tally.requests += 1;
    const result = await graphql<Data>(baseUrl, cookie, query, variables);
    const codes = (result.errors ?? []).map((error) => error.extensions?.code);
    if (codes.some((code) => code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE')) {
      tally.serverErrors += 1;
      console.error(`device ${index}:`, JSON.stringify(result.errors));
    }
    return result.data;
  };
  let count = 0;
  while (Date.now() < deadline) {
    const roll = Math.random();
    if (roll < 0.1) {
      await call('mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }', { id: projectId });
    } else if (roll < 0.2) {
      const page = await call<{ project: { sessions: Connection } }>('query($id: ID!) { project(id: $id) { sessions(first: 20) { edges { node { id } } } } }', {
        id: projectId,
      });
      const sessions = page?.project.sessions.edges ?? [];
      if (sessions.length > 0) {
        const pick = sessions[Math.floor(Math.random() * sessions.length)].node.id;
        await call('mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }', { id: pick });
      }
    } else if (roll < 0.3) {
      await call('query($id: ID!) { project(id: $id) { timeline { totalDurationMs } currentSession { messages(last: 20) { edges { node { content } } } } } }', {
        id: projectId,
      });
    } else {
      const current = await call<{ project: { currentSession: { id: string } | null } }>('query($id: ID!) { project(id: $id) { currentSession { id } } }', {
        id: projectId,
      });
      const sessionId = current?.project.currentSession?.id;
      if (!sessionId) continue;
      count += 1;
      const content = `${INSTRUCTIONS[count % INSTRUCTIONS.length]} (device ${index} #${count})`;
      const clientMessageId = `soak-${index}-${count}`;
      const data = await call(
        'mutation($id: ID!, $content: String!, $c: String) { sendMessage(input: { sessionId: $id, content: $content, clientMessageId: $c }) { reply { id } } }',
        { id: sessionId, content, c: clientMessageId },
      );
      // A session another device deleted is the only acceptable refusal; none are deleted here.
      if (data) tally.sent.set(sessionId, [...(tally.sent.get(sessionId) ?? []), content]);
    }
  }
}

async function main() {
  const database = await prepareOwnDatabase();
  // The soak measures correctness under load, not the per-user API budget.
  const server = await startOwnServer(database, { RATE_LIMIT_GRAPHQL_PER_HOUR: '1000000' });
  try {
    const cookie = await signInCookie(server.url, DEMO.email, DEMO.password);
    const viewer = await graphql<{ viewer: { projects: Connection } }>(server.url, cookie, '{ viewer { projects(first: 1) { edges { node { id } } } } }');
    const projectId = viewer.data!.viewer.projects.edges[0].node.id;
    await graphql(server.url, cookie, 'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }', { id: projectId });

    const tally: Tally = { requests: 0, serverErrors: 0, sent: new Map() };
    const deadline = Date.now() + SECONDS * 1000;
    console.log(`Soaking ${server.url} with ${DEVICES} devices for ${SECONDS} s…`);
    await Promise.all(Array.from({ length: DEVICES }, (_, index) => device(server.url, cookie, projectId, deadline, tally, index + 1)));

    let lost = 0;
    let duplicated = 0;
    let instructions = 0;
    for (const [sessionId, sent] of tally.sent) {
      const stored: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          data?: { node: { messages: { edges: { node: { role: string; content: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
        } = await graphql(
          server.url,
          cookie,
          'query($id: ID!, $after: String) { node(id: $id) { ... on Session { messages(first: 100, after: $after) { edges { node { role content } } pageInfo { hasNextPage endCursor } } } } }',
          { id: sessionId, after },
        );
        const messages = page.data!.node.messages;
        stored.push(...messages.edges.filter((edge) => edge.node.role === 'USER').map((edge) => edge.node.content));
        if (!messages.pageInfo.hasNextPage) break;
        after = messages.pageInfo.endCursor;
      }
      instructions += sent.length;
      for (const content of sent) {
        const times = stored.filter((candidate) => candidate === content).length;
        if (times === 0) lost += 1;
        if (times > 1) duplicated += 1;
      }
    }
    console.log(`requests: ${tally.requests}, instructions: ${instructions}, sessions: ${tally.sent.size}`);
    console.log(`server errors: ${tally.serverErrors}, lost: ${lost}, duplicated: ${duplicated}`);
    if (tally.serverErrors > 0 || lost > 0 || duplicated > 0) process.exitCode = 1;
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    await database.drop();
  }
}

void main();
