import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useLocale } from './index';
import type { Catalogue } from './messages';
import { storyFailureText } from './story-failure';
import { readBundle, StoryDataError } from '../story/bundle';

const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;

describe("the story data's error: why, in the reader's language", () => {
  afterEach(() => useLocale('en', read('en')));
  it('says why in each language, with the file and the count', () => {
    let err: StoryDataError | undefined;
    try {
      readBundle('<p>oops');
    } catch (e) {
      err = e as StoryDataError;
    }
    expect(err!.reason).toEqual({ kind: 'notJson', file: 'data/story.json' });
    expect(storyFailureText(err!.reason)!.reason).toBe('The file data/story.json is damaged: it is not valid JSON.');
    useLocale('ru', read('ru'));
    expect(storyFailureText(err!.reason)!.reason).toBe('Файл data/story.json повреждён: это не корректный JSON.');
    expect(storyFailureText({ kind: 'invalid', count: 3 })!.reason).toBe('В файлах истории 3 ошибки, поэтому они отклонены.');
    expect(storyFailureText({ kind: 'invalid', count: 5 })!.reason).toBe('В файлах истории 5 ошибок, поэтому они отклонены.');
    useLocale('kk', read('kk'));
    expect(storyFailureText({ kind: 'http', file: 'data/story.json', status: 404 })!.reason).toBe('Сервер data/story.json файлына 404 кодымен жауап берді.');
    expect(new StoryDataError(['a', 'b']).reason).toEqual({ kind: 'invalid', count: 2 });
  });
  it('nothing when no catalogue could be loaded (the page then speaks English)', () => {
    useLocale('en', { meta: read('en').meta, messages: {} });
    expect(storyFailureText({ kind: 'invalid', count: 1 })).toBeNull();
  });
});
