import styles from './Checkpoints.module.css';

/** "Branched from <title> at <time>" on a session that forkSession made; one line, the whole label on hover. */
export function BranchMarker({ label, inList = false }: { label: string; inList?: boolean }) {
  return (
    <span className={`${styles.branchMarker} ${inList ? styles.inList : ''}`} title={label} data-branch-marker>
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true">
        <circle cx="4" cy="3" r="1.6" />
        <circle cx="4" cy="13" r="1.6" />
        <circle cx="12" cy="5" r="1.6" />
        <path d="M4 4.6v6.8M12 6.6c0 3-8 2.4-8 4.8" />
      </svg>
      <span>{label}</span>
    </span>
  );
}
