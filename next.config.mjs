/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers and the WASM Postgres stay plain Node modules, loaded at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'drizzle-orm'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
