import { describe, expect, it } from 'vitest';
import { toggleLanguage } from '../../../web/src/staff/languageChoice';

const offered = ['typescript', 'javascript', 'python'];

describe('choosing a challenge\'s languages for an assessment', () => {
  it('narrows "not chosen yet" (every offered language) to the others when one is unticked', () => {
    expect(toggleLanguage(offered, null, 'javascript')).toEqual(['typescript', 'python']);
  });

  it('adds a language back in the challenge\'s order', () => {
    expect(toggleLanguage(offered, ['python'], 'typescript')).toEqual(['typescript', 'python']);
    expect(toggleLanguage(offered, ['typescript', 'python'], 'javascript')).toEqual(offered);
  });

  it('keeps the last allowed language', () => {
    expect(toggleLanguage(offered, ['python'], 'python')).toEqual(['python']);
    expect(toggleLanguage(['typescript'], null, 'typescript')).toBeNull();
  });
});
