'use client';

import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { Clip } from '@/lib/timeline/model';
import { totalDurationMs } from '@/lib/timeline/durations';
import { formatSeconds } from '@/lib/timeline/durations';
import { ChevronIcon } from '@/components/ui/icons';
import styles from './Timeline.module.css';

/** How wide a second of footage is at least; wider screens stretch it. */
const MIN_PIXELS_PER_SECOND = 12;
/** A clip's minimum width in Timeline.module.css plus the gap: the shortest clip gets at least this, so widths stay proportional to the ruler. */
const MIN_CLIP_PIXELS = 64 + 3;
/** How long clips an instruction changed stay marked. */
const HIGHLIGHT_MS = 4_000;

const KIND_CLASS: Record<Clip['kind'], string> = {
  intro: styles.intro,
  scene: styles.scene,
  title: styles.title_,
  outro: styles.outro,
  audio: styles.audio,
};

/**
 * The project's clips as blocks whose widths follow their durations, with the total length.
 * Clips that change while the page is open (an instruction here or on another device) are
 * marked for a few seconds. On small screens it collapses to its heading.
 */
export function Timeline({ clips }: { clips: readonly Clip[] }) {
  const totalMs = totalDurationMs(clips);
  const [collapsed, setCollapsed] = useState(false);
  const changed = useChangedClips(clips);
  const shortestMs = Math.min(...clips.map((clip) => clip.durationMs));
  const pixelsPerSecond = Math.max(MIN_PIXELS_PER_SECOND, MIN_CLIP_PIXELS / Math.max(shortestMs / 1000, 0.1));
  return (
    <section className={`${styles.timeline} ${collapsed ? styles.collapsed : ''}`} aria-labelledby="timeline-heading">
      <div className={styles.heading}>
        <h2 id="timeline-heading" className={styles.title}>
          Timeline
        </h2>
        <p className={styles.summary}>
          {clips.length} {clips.length === 1 ? 'clip' : 'clips'} · Total <strong data-testid="timeline-total">{formatSeconds(totalMs)}</strong>
        </p>
        <button
          type="button"
          className={`button ghost small ${styles.collapse}`}
          aria-expanded={!collapsed}
          aria-controls="timeline-body"
          onClick={() => setCollapsed((current) => !current)}
        >
          <ChevronIcon width={16} height={16} />
          {collapsed ? 'Show' : 'Hide'}
          <span className="visually-hidden"> the timeline</span>
        </button>
      </div>
      <div id="timeline-body" className={styles.body}>
        {clips.length === 0 ? (
          <p className={styles.empty}>The timeline is empty. Ask CoDirector to add a title card.</p>
        ) : (
          <div className={styles.scroller} tabIndex={0} role="region" aria-label="Timeline clips, scrollable">
            <div className={styles.track} style={{ width: `${Math.ceil((totalMs / 1000) * pixelsPerSecond)}px` }}>
              <TimeRuler totalMs={totalMs} />
              <ol className={styles.clips} aria-label="Clips">
                {clips.map((clip) => (
                  <TimelineClip key={clip.id} clip={clip} changed={changed.has(clip.id)} />
                ))}
              </ol>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

/** The ids of clips added or changed (attributes or position) since the previous render, for HIGHLIGHT_MS. */
function useChangedClips(clips: readonly Clip[]): ReadonlySet<string> {
  const previous = useRef<Map<string, string> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());

  // Every server render passes a new array: compare contents, and let a running mark expire on its own.
  useEffect(() => {
    const signatures = new Map(clips.map((clip, index) => [clip.id, `${index}:${JSON.stringify(clip)}`]));
    const before = previous.current;
    previous.current = signatures;
    if (!before) return;
    const ids = [...signatures].filter(([id, signature]) => before.get(id) !== signature).map(([id]) => id);
    if (ids.length === 0) return;
    setChanged(new Set(ids));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setChanged(new Set()), HIGHLIGHT_MS);
  }, [clips]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return changed;
}

function TimelineClip({ clip, changed }: { clip: Clip; changed: boolean }) {
  const style: CSSProperties = { flex: `${clip.durationMs} 1 0px` };
  const percentOf = (ms: number) => `${Math.min(100, (ms / clip.durationMs) * 100)}%`;
  return (
    <li
      className={`${styles.clip} ${KIND_CLASS[clip.kind]} ${changed ? styles.changed : ''}`}
      style={style}
      title={`${clip.name} · ${clip.kind} · ${formatSeconds(clip.durationMs)}`}
      data-changed={changed || undefined}
    >
      {clip.fadeInMs > 0 && <span className={styles.fadeIn} style={{ width: percentOf(clip.fadeInMs) }} aria-hidden="true" />}
      {clip.fadeOutMs > 0 && <span className={styles.fadeOut} style={{ width: percentOf(clip.fadeOutMs) }} aria-hidden="true" />}
      <span className={styles.clipName}>{clip.name}</span>
      <span className={styles.clipMeta}>
        <span className={styles.length}>{formatSeconds(clip.durationMs)}</span>
        <span className={styles.kind}>{clip.kind}</span>
        {clip.speed !== 1 && <span className={styles.badge}>{clip.speed}×</span>}
        {clip.muted && <span className={styles.badge}>muted</span>}
      </span>
      {changed && <span className={styles.changedBadge}>Changed</span>}
    </li>
  );
}

/** Tick marks every 5 or 10 seconds, placed as a share of the total length; the last label stays inside. */
function TimeRuler({ totalMs }: { totalMs: number }) {
  const stepMs = totalMs > 60_000 ? 10_000 : 5_000;
  const ticks = Array.from({ length: Math.floor(totalMs / stepMs) + 1 }, (_, index) => index * stepMs);
  return (
    <div className={styles.ruler} aria-hidden="true">
      {ticks.map((ms) => (
        <span key={ms} className={`${styles.tick} ${totalMs - ms < stepMs / 2 ? styles.lastTick : ''}`} style={{ left: `${(ms / totalMs) * 100}%` }}>
          <span>{formatTimecode(ms)}</span>
        </span>
      ))}
    </div>
  );
}

function formatTimecode(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
