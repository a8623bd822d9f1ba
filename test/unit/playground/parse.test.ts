import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../src/playground/parse.js';

describe('playground lines', () => {
  it('GIVEN a line starting with # THEN it is a comment, unless it names a position a member refers to ("#2")', () => {
    expect(parseLine('# a note in a script')).toEqual({ kind: 'empty' });
    expect(parseLine('#2')).toEqual({ kind: 'text', text: '#2' });
    expect(parseLine('  #3?  ')).toEqual({ kind: 'text', text: '#3?' });
  });

  it('GIVEN a slash command or plain text THEN they are told apart', () => {
    expect(parseLine('/recommend heist movies')).toEqual({ kind: 'command', name: 'recommend', args: 'heist movies' });
    expect(parseLine('swap the 2nd')).toEqual({ kind: 'text', text: 'swap the 2nd' });
  });
});
