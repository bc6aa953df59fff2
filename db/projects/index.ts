/**
 * Projects and their timelines: the one public surface of db/projects/. The project rows, the
 * project page's one-statement read, the timeline's clips, and the batched reads of the DataLoaders.
 */
export { countProjects, createProject, getOwnedProject, listProjects, newClip, projectKey, renameProject, type NewClip, type ProjectKey } from './rows';
export { readProjectPage, type ProjectPageRead } from './page';
export { clipFromRow, getTimeline, saveTimeline } from './timeline';
export { getOwnedProjects, getTimelines } from './batched';
