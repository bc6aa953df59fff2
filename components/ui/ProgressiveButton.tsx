'use client';

import type { ButtonHTMLAttributes, Ref } from 'react';
import { useHydrated } from './useHydrated';

interface ProgressiveButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** Where the plain link goes while JavaScript is off or not yet running. */
  href: string;
  /** A tooltip shown on hover and on keyboard focus (see globals.css), for icon-only buttons. */
  'data-tooltip'?: string;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A button once the page's JavaScript runs; before that (or without it) a link to a URL that
 * renders the same result on the server.
 */
export function ProgressiveButton({ href, ref, children, className, title, ...buttonProps }: ProgressiveButtonProps) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <a href={href} className={className} title={title} aria-label={buttonProps['aria-label']} data-tooltip={buttonProps['data-tooltip']}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" ref={ref} className={className} title={title} {...buttonProps}>
      {children}
    </button>
  );
}
