import type { CSSProperties } from 'react';
import { formatSeconds, totalDurationMs, type Clip } from '@/lib/assistant';
import styles from './Timeline.module.css';

/** How wide a second of footage is at least, so short clips stay legible; wider screens stretch it. */
const MIN_PIXELS_PER_SECOND = 12;

const KIND_CLASS: Record<Clip['kind'], string> = {
  intro: styles.intro,
  scene: styles.scene,
  title: styles.title_,
  outro: styles.outro,
  audio: styles.audio,
};

/** The project's clips as blocks whose widths follow their durations, with the total length. */
export function Timeline({ clips }: { clips: readonly Clip[] }) {
  const totalMs = totalDurationMs(clips);
  return (
    <section className={styles.timeline} aria-labelledby="timeline-heading">
      <div className={styles.heading}>
        <h2 id="timeline-heading" className={styles.title}>
          Timeline
        </h2>
        <p className={styles.summary}>
          {clips.length} {clips.length === 1 ? 'clip' : 'clips'} · Total <strong data-testid="timeline-total">{formatSeconds(totalMs)}</strong>
        </p>
      </div>
      {clips.length === 0 ? (
        <p className={styles.empty}>The timeline is empty. Ask CoDirector to add a title card.</p>
      ) : (
        <div className={styles.scroller} tabIndex={0} role="region" aria-label="Timeline clips, scrollable">
          <div className={styles.track} style={{ width: `${Math.ceil((totalMs / 1000) * MIN_PIXELS_PER_SECOND)}px` }}>
            <TimeRuler totalMs={totalMs} />
            <ol className={styles.clips} aria-label="Clips">
              {clips.map((clip) => (
                <TimelineClip key={clip.id} clip={clip} />
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}

function TimelineClip({ clip }: { clip: Clip }) {
  const style: CSSProperties = { flex: `${clip.durationMs} 1 0px` };
  const percentOf = (ms: number) => `${Math.min(100, (ms / clip.durationMs) * 100)}%`;
  return (
    <li className={`${styles.clip} ${KIND_CLASS[clip.kind]}`} style={style} title={`${clip.name} · ${clip.kind} · ${formatSeconds(clip.durationMs)}`}>
      {clip.fadeInMs > 0 && <span className={styles.fadeIn} style={{ width: percentOf(clip.fadeInMs) }} aria-hidden="true" />}
      {clip.fadeOutMs > 0 && <span className={styles.fadeOut} style={{ width: percentOf(clip.fadeOutMs) }} aria-hidden="true" />}
      <span className={styles.clipName}>{clip.name}</span>
      <span className={styles.clipMeta}>
        <span className={styles.kind}>{clip.kind}</span>
        <span className={styles.length}>{formatSeconds(clip.durationMs)}</span>
        {clip.speed !== 1 && <span className={styles.badge}>{clip.speed}×</span>}
        {clip.muted && <span className={styles.badge}>muted</span>}
      </span>
    </li>
  );
}

/** Tick marks every 5 or 10 seconds, placed as a share of the total length. */
function TimeRuler({ totalMs }: { totalMs: number }) {
  const stepMs = totalMs > 60_000 ? 10_000 : 5_000;
  const ticks = Array.from({ length: Math.floor(totalMs / stepMs) + 1 }, (_, index) => index * stepMs);
  return (
    <div className={styles.ruler} aria-hidden="true">
      {ticks.map((ms) => (
        <span key={ms} className={styles.tick} style={{ left: `${(ms / totalMs) * 100}%` }}>
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
