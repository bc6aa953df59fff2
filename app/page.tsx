import type { Metadata } from 'next';
import Link from 'next/link';
import { listProjects, projectKey } from '@/db/projects';
import { DEFAULT_PAGE_SIZE } from '@/db/pagination';
import { createdAtIdCursorKey, decodeCursor, encodeCursor } from '@/lib/cursors';
import { labelDate } from '@/lib/dates';
import { firstParam, type SearchParams } from '@/app/_lib/searchParams';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { CreateProjectForm } from '@/components/projects/CreateProjectForm';
import { ProjectCard } from '@/components/projects/ProjectCard';
import styles from '@/components/projects/Projects.module.css';
import { requireSignedInUser } from '@/lib/auth/session';
import { createProjectAction, renameProjectAction } from './projects/actions';

export const metadata: Metadata = { title: 'Projects' };


export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireSignedInUser('/');
  // The API's `User.projects` list: its cursors work here and there.
  const projectsOfUser = { name: 'User.projects', parentId: user.id };
  const cursor = firstParam((await searchParams).after);
  const decoded = cursor ? decodeCursor(cursor, projectsOfUser, createdAtIdCursorKey) : null;
  const after = decoded && 'key' in decoded ? decoded.key : undefined;
  const page = await listProjects(user.id, { first: DEFAULT_PAGE_SIZE, after });
  const now = new Date();
  const last = page.rows.at(-1);

  return (
    <>
      <AppHeader email={user.email} current="projects" />
      <main id="main" className={styles.main}>
        <div className={styles.intro}>
          <div>
            <h1 className={styles.title}>Your projects</h1>
            <p className={styles.subtitle}>Open a project to edit it with CoDirector.</p>
          </div>
          <CreateProjectForm createProjectAction={createProjectAction} />
        </div>
        {page.rows.length === 0 ? (
          <p className={styles.empty}>No projects yet. Name one above to start with a small timeline to edit.</p>
        ) : (
          <ul className={styles.grid} aria-label="Projects">
            {page.rows.map((project) => (
              <ProjectCard
                key={project.id}
                project={{
                  id: project.id,
                  name: project.name,
                  updatedAt: labelDate(project.updatedAt, now),
                }}
                renameProjectAction={renameProjectAction}
              />
            ))}
          </ul>
        )}
        {(after || page.hasNextPage) && (
          <nav className={styles.pager} aria-label="More projects">
            {after && (
              <Link className="button" href="/">
                Newest projects
              </Link>
            )}
            {page.hasNextPage && last && (
              <Link className="button" href={`/?after=${encodeCursor(projectsOfUser, createdAtIdCursorKey, projectKey(last))}`}>
                Older projects
              </Link>
            )}
          </nav>
        )}
      </main>
    </>
  );
}
