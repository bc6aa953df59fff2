import type { Metadata } from 'next';
import type { SearchParams } from '@/app/_lib/searchParams';
import { projectMetadata, ProjectView } from './projectView';

interface ProjectPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params, searchParams }: ProjectPageProps): Promise<Metadata> {
  return projectMetadata({ id: (await params).id, query: await searchParams });
}

export default async function ProjectPage({ params, searchParams }: ProjectPageProps) {
  return <ProjectView id={(await params).id} query={await searchParams} />;
}
