import Link from 'next/link';
import type { ReactNode } from 'react';
import { LogoMark } from '@/components/ui/icons';
import styles from './AuthCard.module.css';

interface AuthCardProps {
  title: string;
  subtitle: string;
  footer: ReactNode;
  children: ReactNode;
}

/** The frame of the sign-in and sign-up pages. */
export function AuthCard({ title, subtitle, footer, children }: AuthCardProps) {
  return (
    <main id="main" className={styles.page}>
      <div className={styles.card}>
        <Link href="/" className={styles.brand}>
          <LogoMark />
          CoDirector
        </Link>
        <div>
          <h1 className={styles.title}>{title}</h1>
          <p className={styles.subtitle}>{subtitle}</p>
        </div>
        {children}
        <p className={styles.footer}>{footer}</p>
      </div>
    </main>
  );
}
