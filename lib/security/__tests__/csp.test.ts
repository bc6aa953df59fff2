import { contentSecurityPolicy } from '@/lib/security/csp';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, never inline, and forbids framing', () => {
    const policy = contentSecurityPolicy('abc123', false);
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("adds unsafe-eval only in development, for React's dev tooling", () => {
    expect(contentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', false)).not.toContain("'unsafe-eval'");
    // By default, NODE_ENV as lib/config.ts reads it: `test` under Jest.
    expect(contentSecurityPolicy('n')).not.toContain("'unsafe-eval'");
  });
});
