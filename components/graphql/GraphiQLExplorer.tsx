'use client';

import 'graphiql/setup-workers/webpack';
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { buildSchema } from 'graphql';
import { useEffect, useRef, type RefObject } from 'react';
import { typeDefs } from '@/graphql/__generated__/typeDefs';
import styles from './ApiExplorer.module.css';

const ENDPOINT = '/api/graphql';

// Built from our own SDL, so docs and autocompletion need no introspection (off in production).
const SCHEMA = buildSchema(typeDefs);

const SIGNED_IN_INTRO = `# Signed in as you, with your session cookie.
# Other clients send "Authorization: Bearer <token>".
# Run it with the ▶ button or Ctrl+Enter.
`;

// GRAPHQL_TRUSTED_DOCUMENTS=only: the session cookie runs only the app's own operations, a token anything.
const TOKEN_INTRO = `# Your sign-in runs only the app's own operations
# here. Paste a token from Settings → API tokens
# into the Headers tab below, then run this with
# the ▶ button or Ctrl+Enter.
`;

const TOKEN_HEADERS = `{
  "Authorization": "Bearer cds_paste-your-token-here"
}`;

const STARTER_QUERY = `
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
  return (await response.json()) as Awaited<ReturnType<GraphiQLProps['fetcher']>>;
};

/**
 * GraphiQL marks each query tab's <li> as the tab and puts the tab's button inside it, which
 * nests one control in another for assistive technology. The button becomes the tab instead.
 */
function useAccessibleTabs(root: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const fix = () => {
      for (const item of container.querySelectorAll<HTMLLIElement>('li.graphiql-tab')) {
        const button = item.querySelector<HTMLButtonElement>('.graphiql-tab-button');
        if (!button) continue;
        const selected = String(item.classList.contains('graphiql-tab-active'));
        if (button.getAttribute('role') !== 'tab') button.setAttribute('role', 'tab');
        if (button.getAttribute('aria-selected') !== selected) button.setAttribute('aria-selected', selected);
        if (item.getAttribute('role') !== 'presentation') item.setAttribute('role', 'presentation');
        if (item.hasAttribute('aria-selected')) item.removeAttribute('aria-selected');
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'role', 'aria-selected'] });
    return () => observer.disconnect();
  }, [root]);
}

export default function GraphiQLExplorer({ needsToken }: { needsToken: boolean }) {
  const root = useRef<HTMLDivElement>(null);
  useAccessibleTabs(root);
  return (
    <div ref={root} className={styles.graphiql}>
      <GraphiQL
        fetcher={fetchGraphQL}
        schema={SCHEMA}
        defaultQuery={`${needsToken ? TOKEN_INTRO : SIGNED_IN_INTRO}${STARTER_QUERY}`}
        defaultHeaders={needsToken ? TOKEN_HEADERS : undefined}
        defaultEditorToolsVisibility={needsToken ? 'headers' : undefined}
        forcedTheme="dark"
        isHeadersEditorEnabled
      />
    </div>
  );
}
