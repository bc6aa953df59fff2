import type { Metadata } from 'next';
import type { SearchParams } from '@/app/_lib/searchParams';
import { projectMetadata, ProjectView } from '../../projectView';

interface SessionPageProps {
  params: Promise<{ id: string; sessionId: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: SessionPageProps): Promise<Metadata> {
  return projectMetadata({ ...(await params), query: await searchParams });
}

/** A session's own address: the project, opened in that session (made current). */
export default async function SessionPage({ params, searchParams }: SessionPageProps) {
  const { id, sessionId } = await params;
  return <ProjectView id={id} sessionId={sessionId} query={await searchParams} />;
}
