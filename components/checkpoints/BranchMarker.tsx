import styles from './Checkpoints.module.css';

/** "Branched from <title> at <time>" on a session that forkSession made. */
export function BranchMarker({ label }: { label: string }) {
  return (
    <span className={styles.branchMarker} data-branch-marker>
      {label}
    </span>
  );
}
