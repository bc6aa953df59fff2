'use client';

import Link from 'next/link';
import { useRef, useState, useTransition, type CSSProperties, type FormEvent } from 'react';
import type { ActionResult } from '@/app/_lib/actionResult';
import type { DateLabel } from '@/app/_lib/dates';
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
        <RenameProjectForm project={project} renameProjectAction={renameProjectAction} onDone={finishRenaming} />
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

interface RenameProjectFormProps extends ProjectCardProps {
  onDone: () => void;
}

function RenameProjectForm({ project, renameProjectAction, onDone }: RenameProjectFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputId = `rename-${project.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    startTransition(async () => {
      const result = await renameProjectAction(project.id, name);
      if (result.ok) onDone();
      else setError(result.error);
    });
  }

  return (
    <form className={styles.renameForm} onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onDone()}>
      <label htmlFor={inputId} className="visually-hidden">
        Project name
      </label>
      <input
        id={inputId}
        className="input"
        name="name"
        defaultValue={project.name}
        maxLength={120}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      {error && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.renameButtons}>
        <button type="submit" className="button primary small" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
