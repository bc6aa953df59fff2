import { countAllProjects } from '@/db/projects';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const projectCount = await countAllProjects();
  return (
    <main style={{ padding: 32 }}>
      <h1>CoDirector</h1>
      <p>{projectCount} video projects are stored here.</p>
    </main>
  );
}
