/** One typed playground line, parsed: `/name sub? rest`, or plain text (a refinement). */
export type Parsed = { kind: 'command'; name: string; args: string } | { kind: 'text'; text: string } | { kind: 'empty' };

export function parseLine(line: string): Parsed {
  const t = line.trim();
  // `#` starts a comment (scripted input), except a position a member refers to: "#2", "#3?".
  if (!t || (t.startsWith('#') && !/^#\s*\d/.test(t))) return { kind: 'empty' };
  if (!t.startsWith('/')) return { kind: 'text', text: t };
  const m = t.match(/^\/(\S+)\s*(.*)$/s);
  return { kind: 'command', name: (m?.[1] ?? '').toLowerCase(), args: (m?.[2] ?? '').trim() };
}

/** "Heat 4.5" -> { title: "Heat", number: 4.5 }; "Heat" -> { title: "Heat" }. */
export function trailingNumber(args: string): { title: string; number?: number } {
  const m = args.match(/^(.*\S)\s+(\d+(?:\.\d+)?)$/);
  return m ? { title: m[1], number: Number(m[2]) } : { title: args };
}

/** "upload path merge" -> ["upload", "path merge"]. */
export function firstWord(args: string): [string, string] {
  const m = args.match(/^(\S+)\s*(.*)$/s);
  return m ? [m[1].toLowerCase(), m[2].trim()] : ['', ''];
}
