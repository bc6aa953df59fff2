'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/dates';

/**
 * Tells server rendering the browser's time zone (a cookie read by the history drawer's days
 * and times). Every page sets it, so a project page is normally rendered in the right zone from
 * the first request (a visitor signs in first). A page that shows dates passes the zone it was
 * rendered in: only if that differs from the browser's (cookies cleared, or travel) does it render
 * once more. A refresh that is not needed is a request that can fail: one in flight when the
 * server goes away makes Next.js navigate to the browser's own error page.
 */
export function TimeZoneCookie({ renderedIn }: { renderedIn?: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (!current || decodeURIComponent(current) !== zone) {
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }
    if (renderedIn !== undefined && renderedIn !== zone) router.refresh();
  }, [router, renderedIn]);
  return null;
}
