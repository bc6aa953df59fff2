'use client';

import Link from 'next/link';
import { useRef, useState, type CSSProperties } from 'react';
import type { ActionResult } from '@/lib/actionResult';
import type { DateLabel } from '@/lib/dates';
import { InlineRenameForm } from '@/components/ui/InlineRenameForm';
import styles from './Projects.module.css';

export interface ProjectSummary {
  id: string;
  name: string;
  updatedAt: DateLabel;
}

interface ProjectCardProps {
  project: ProjectSummary;
  renameProjectAction: (projectId: string, name: string) => Promise<ActionResult<{ name: string }>>;
}

export function ProjectCard({ project, renameProjectAction }: ProjectCardProps) {
  const [renaming, setRenaming] = useState(false);
  // After renaming, focus goes back to the Rename button rather than to the page's start.
  const returnFocus = useRef(false);
  const finishRenaming = () => {
    returnFocus.current = true;
    setRenaming(false);
  };
  return (
    <li className={styles.card}>
      <div className={styles.thumb} style={{ '--hue': hueOf(project.id) } as CSSProperties} aria-hidden="true">
        {project.name.trim().charAt(0).toUpperCase()}
      </div>
      {renaming ? (
        <InlineRenameForm
          inputId={`rename-${project.id}`}
          label="Project name"
          defaultValue={project.name}
          onSave={async (name) => {
            const result = await renameProjectAction(project.id, name);
            return result.ok ? null : result.message;
          }}
          onDone={finishRenaming}
          formClassName={styles.renameForm}
          buttonsClassName={styles.renameButtons}
        />
      ) : (
        <div className={styles.cardBody}>
          <div>
            <h2 className={styles.cardTitle}>
              <Link href={`/projects/${project.id}`} className={styles.cardLink}>
                {project.name}
              </Link>
            </h2>
            <p className={styles.meta}>
              Edited{' '}
              <time dateTime={project.updatedAt.iso} title={project.updatedAt.full}>
                {project.updatedAt.text}
              </time>
            </p>
          </div>
          <div className={styles.cardActions}>
            <button
              type="button"
              className="button ghost small"
              onClick={() => setRenaming(true)}
              aria-label={`Rename ${project.name}`}
              ref={(button) => {
                if (button && returnFocus.current) {
                  returnFocus.current = false;
                  button.focus();
                }
              }}
            >
              Rename
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** A stable hue per project, so cards are told apart at a glance. */
function hueOf(projectId: string): number {
  return parseInt(projectId.slice(0, 6), 16) % 360;
}
