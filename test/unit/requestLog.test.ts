import { describe, expect, it } from 'vitest';
import { loggableUrl } from '../../src/http/requestLog.js';

describe('loggableUrl', () => {
  it('keeps a URL without a query as it is', () => {
    expect(loggableUrl('/v1/submissions/abc')).toBe('/v1/submissions/abc');
  });

  it('replaces the values of credential-like parameters and of anything that is a token, keeping the rest', () => {
    expect(loggableUrl('/v1/x?token=inv_abc&limit=5')).toBe('/v1/x?token=%5Bredacted%5D&limit=5');
    expect(loggableUrl('/v1/x?q=assay_0123_secret&api_key=k&Session=s&sort=name')).toBe('/v1/x?q=%5Bredacted%5D&api_key=%5Bredacted%5D&Session=%5Bredacted%5D&sort=name');
  });
});
