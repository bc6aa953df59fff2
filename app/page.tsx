import type { Metadata } from 'next';
import Link from 'next/link';
import { labelDate } from '@/lib/dates';
import { viewerDateSettings } from '@/app/_lib/viewerDates';
import { TimeZoneCookie } from '@/components/app-shell/TimeZoneCookie';
import { firstParam, type SearchParams } from '@/app/_lib/searchParams';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { CreateProjectForm } from '@/components/projects/CreateProjectForm';
import { ProjectCard } from '@/components/projects/ProjectCard';
import styles from '@/components/projects/Projects.module.css';
import { pageViewer, readForPage } from '@/server/adapters/page';
import { listProjects } from '@/server/projects';
import { createProjectAction, renameProjectAction } from './projects/actions';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const cursor = firstParam((await searchParams).after);
  const viewer = await pageViewer('/');
  const { page, nextCursor } = await readForPage(viewer, (caller) => listProjects(caller, { cursor }));
  const now = new Date();
  const dates = await viewerDateSettings();

  return (
    <>
      <AppHeader email={viewer.user.email} current="projects" />
      <TimeZoneCookie renderedIn={dates.timeZone} />
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
                  updatedAt: labelDate(project.updatedAt, now, dates),
                }}
                renameProjectAction={renameProjectAction}
              />
            ))}
          </ul>
        )}
        {(cursor || nextCursor) && (
          <nav className={styles.pager} aria-label="More projects">
            {cursor && (
              <Link className="button" href="/">
                Newest projects
              </Link>
            )}
            {nextCursor && (
              <Link className="button" href={`/?after=${nextCursor}`}>
                Older projects
              </Link>
            )}
          </nav>
        )}
      </main>
    </>
  );
}
