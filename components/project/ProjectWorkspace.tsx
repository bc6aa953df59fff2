import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatSeconds, totalDurationMs } from '@/lib/timeline/durations';
import type { Clip } from '@/lib/timeline/model';
import { Timeline } from '@/components/timeline/Timeline';
import styles from './ProjectWorkspace.module.css';

interface ProjectWorkspaceProps {
  projectName: string;
  clips: readonly Clip[];
  /** The CoDirector panel, beside the editor on wide screens and under the timeline on phones. */
  panel: ReactNode;
}

export function ProjectWorkspace({ projectName, clips, panel }: ProjectWorkspaceProps) {
  return (
    <main id="main" className={styles.workspace}>
      <div className={styles.editor}>
        <div className={styles.projectBar}>
          <Link href="/">Projects</Link>
          <span aria-hidden="true">/</span>
          <h1 className={styles.projectName}>{projectName}</h1>
        </div>
        <PreviewMonitor projectName={projectName} clips={clips} />
        <Timeline clips={clips} />
      </div>
      <div className={styles.panel}>{panel}</div>
    </main>
  );
}

/** A still of the video's first frame: the opening card's text, over the running time. */
function PreviewMonitor({ projectName, clips }: { projectName: string; clips: readonly Clip[] }) {
  const openingText = clips.find((clip) => clip.text)?.text ?? projectName;
  return (
    <div className={styles.preview} aria-hidden="true">
      <div className={styles.screen}>
        <p className={styles.screenText}>{openingText}</p>
        <div className={styles.transport}>
          <span>0.0 s</span>
          <span className={styles.progress} />
          <span>{formatSeconds(totalDurationMs(clips))}</span>
        </div>
      </div>
    </div>
  );
}
