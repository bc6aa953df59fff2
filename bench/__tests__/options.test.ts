import { parseOptions, type BenchOptions } from '../options';

const env = (extra: Record<string, string> = {}) => ({ NODE_ENV: 'test' as const, ...extra });

describe('bench options', () => {
  it('runs the full benchmark on cds_bench by default', () => {
    const options = parseOptions([], env()) as BenchOptions;
    expect(options).toMatchObject({
      quick: false,
      profileOnly: false,
      cpuProfile: false,
      connections: 10,
      durationSeconds: 10,
      rounds: 3,
      soakSeconds: 180,
      streamingInstructions: 100,
    });
    expect(options.data.mainSessions).toBe(100_000);
    expect(options.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/cds_bench');
  });

  it('keeps the quick data set in a database of its own', () => {
    const options = parseOptions(['--quick'], env({ BENCH_DATABASE_URL: 'postgres://u@db:5432/perf' })) as BenchOptions;
    expect(options.databaseUrl).toBe('postgres://u@db:5432/perf_quick');
    expect(options.data.mainSessions).toBeLessThan(100_000);
    expect(options.streamingInstructions).toBe(20);
  });

  it('profiles when asked for the profile alone, under the sessions page 1 load unless BENCH_PROFILE_LOAD names another', () => {
    expect(parseOptions(['--profile-only'], env())).toMatchObject({ profileOnly: true, cpuProfile: true, profileLoad: 'page1' });
    expect(parseOptions(['--profile-only'], env({ BENCH_PROFILE_LOAD: 'sendMessage' }))).toMatchObject({ profileLoad: 'sendMessage' });
    expect(() => parseOptions([], env({ BENCH_PROFILE_LOAD: 'page500' }))).toThrow('BENCH_PROFILE_LOAD must be one of page1, sendMessage, got "page500".');
  });

  it('refuses unknown flags and bad numbers with a clear message', () => {
    expect(() => parseOptions(['--fast'], env())).toThrow('Unknown argument "--fast"');
    expect(() => parseOptions([], env({ BENCH_SOAK_SECONDS: 'soon' }))).toThrow('BENCH_SOAK_SECONDS must be a positive number, got "soon".');
  });
});
