import { describe, expect, it } from 'vitest';
import { profileFromLabels } from '../../src/sandbox/sandboxProfile.js';
import { SandboxUnavailableError } from '../../src/sandbox/SandboxUnavailableError.js';

describe('profileFromLabels', () => {
  it('runs unlabelled images unprivileged', () => {
    expect(profileFromLabels(undefined)).toEqual({ root: false, capAdd: [] });
    expect(profileFromLabels({ 'assay.sandbox.cap-add': 'SETUID' })).toEqual({ root: false, capAdd: [] });
  });

  it('grants a root-started runner the allowlisted capabilities it asks for', () => {
    expect(profileFromLabels({ 'assay.sandbox.user': 'root', 'assay.sandbox.cap-add': 'setuid, SETGID,CHOWN,KILL' })).toEqual({
      root: true,
      capAdd: ['SETUID', 'SETGID', 'CHOWN', 'KILL'],
    });
  });

  it('refuses an image asking for anything outside the allowlist', () => {
    expect(() => profileFromLabels({ 'assay.sandbox.user': 'root', 'assay.sandbox.cap-add': 'SETUID,SYS_ADMIN' })).toThrow(SandboxUnavailableError);
    expect(() => profileFromLabels({ 'assay.sandbox.user': 'root', 'assay.sandbox.cap-add': 'NET_RAW' })).toThrow(/NET_RAW/);
  });
});
