'use client';

import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { buildSchema } from 'graphql';
import { typeDefs } from '@/graphql/__generated__/typeDefs';
import styles from './ApiExplorer.module.css';

const ENDPOINT = '/api/graphql';

// Built from our own SDL, so docs and autocompletion need no introspection (off in production).
const SCHEMA = buildSchema(typeDefs);

const STARTER_QUERY = `# Signed in as you, with your session cookie.
# Other clients send "Authorization: Bearer <token>".
# Run it with the ▶ button or Ctrl+Enter.

query MyProjects {
  viewer {
    email
    projects(first: 5) {
      totalCount
      edges {
        node {
          id
          name
          timeline {
            totalDurationMs
          }
          sessions(first: 3) {
            totalCount
            edges {
              node {
                title
                createdAt
                isCurrent
              }
            }
          }
        }
      }
    }
  }
}
`;

/** Same-origin JSON POSTs, so the session cookie authenticates and CSRF prevention lets them through. */
const fetchGraphQL: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...options?.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
};

export default function GraphiQLExplorer() {
  return (
    <div className={styles.graphiql}>
      <GraphiQL fetcher={fetchGraphQL} schema={SCHEMA} defaultQuery={STARTER_QUERY} forcedTheme="dark" isHeadersEditorEnabled />
    </div>
  );
}
