import { describe, expect, it } from 'vitest';
import { attachmentHosts, downloadAttachment } from '../../../src/discord/attachments.js';
import { parseConfig } from '../../../src/config.js';

const hosts = attachmentHosts(parseConfig({}));
const fetchCounting = () => {
  const calls: string[] = [];
  const f = (async (u: URL | string) => {
    calls.push(String(u));
    return new Response('title\nHeat\n');
  }) as typeof fetch;
  return { f, calls };
};

describe('attachment hosts', () => {
  it('GIVEN the default config THEN only Discord CDN hosts are allowed', () => {
    expect(hosts).toEqual(['cdn.discordapp.com', 'media.discordapp.net']);
  });

  it.each([
    ['https://cdn.discordapp.com/attachments/1/2/list.csv'],
    ['https://media.discordapp.net/attachments/1/2/list.csv'],
  ])('GIVEN %s THEN it is downloaded', async (url) => {
    const { f, calls } = fetchCounting();
    const got = await downloadAttachment({ url, size: 11, name: 'list.csv' }, 2048, f, hosts);
    expect(new TextDecoder().decode(got)).toBe('title\nHeat\n');
    expect(calls).toEqual([url]);
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['https://cdn.discordapp.com.evil.example/x.csv', 'cdn.discordapp.com.evil.example'],
    ['http://cdn.discordapp.com/attachments/1/2/x.csv', 'cdn.discordapp.com'],
    ['http://127.0.0.1:8080/attachments/1/x.csv', '127.0.0.1'],
  ])('GIVEN an attachment at %s THEN nothing is fetched and the member is told which host was refused', async (url, host) => {
    const { f, calls } = fetchCounting();
    await expect(downloadAttachment({ url, size: 11, name: 'x.csv' }, 2048, f, hosts)).rejects.toThrow(`not from \`${host}\``);
    expect(calls).toEqual([]);
  });

  it('GIVEN ATTACHMENT_HOSTS=127.0.0.1 (the emulator) THEN a loopback http attachment is downloaded', async () => {
    const { f } = fetchCounting();
    const local = attachmentHosts(parseConfig({ ATTACHMENT_HOSTS: ' 127.0.0.1 , ' }));
    await expect(downloadAttachment({ url: 'http://127.0.0.1:9/attachments/1/x.csv', size: 11, name: 'x.csv' }, 2048, f, local)).resolves.toHaveLength(11);
  });

  it('GIVEN a URL that does not parse THEN it is refused without fetching', async () => {
    const { f, calls } = fetchCounting();
    await expect(downloadAttachment({ url: 'not a url', size: 1, name: 'x' }, 2048, f, hosts)).rejects.toThrow(/not from that address/);
    expect(calls).toEqual([]);
  });
});
