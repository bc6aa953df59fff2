import type { ReactNode } from 'react';
import styles from './StatusPage.module.css';

interface StatusPageProps {
  code: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}

/** A full-page message: not found, or something went wrong. */
export function StatusPage({ code, title, children, actions }: StatusPageProps) {
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <p className={styles.code}>{code}</p>
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.text}>{children}</p>
        <div className={styles.actions}>{actions}</div>
      </div>
    </main>
  );
}
