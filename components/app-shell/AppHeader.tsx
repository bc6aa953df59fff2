import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { LogoMark } from '@/components/ui/icons';
import styles from './AppHeader.module.css';

export type AppSection = 'projects' | 'tokens' | 'explorer';

const SECTIONS: { id: AppSection; href: string; label: string }[] = [
  { id: 'projects', href: '/', label: 'Projects' },
  { id: 'tokens', href: '/settings/tokens', label: 'API tokens' },
  { id: 'explorer', href: '/graphql', label: 'API explorer' },
];

interface AppHeaderProps {
  email: string;
  /** The section page being shown, marked in the navigation. */
  current?: AppSection;
}

export function AppHeader({ email, current }: AppHeaderProps) {
  return (
    <header className={styles.header}>
      <Link href="/" className={styles.brand}>
        <LogoMark />
        <span className={styles.brandName}>CoDirector</span>
      </Link>
      <nav className={styles.nav} aria-label="Main">
        {SECTIONS.map((item) => (
          <Link key={item.id} href={item.href} aria-current={item.id === current ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <div className={styles.account}>
        <span className={styles.email} title={email}>
          {email}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
