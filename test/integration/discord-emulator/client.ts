/** A tiny real discord.js client wired to the emulator, with handlers the tests exercise. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits, ModalBuilder, TextInputBuilder, TextInputStyle,
  type Interaction, type Message } from 'discord.js';
import type { DiscordEmulator } from '../../emulators/discord/index.js';

export interface TestBot { client: Client; messages: Message[]; errors: unknown[]; resumed: number }

async function onInteraction(i: Interaction): Promise<void> {
  if (i.isAutocomplete()) {
    const typed = String(i.options.getFocused());
    await i.respond(['Alien', 'Aliens', 'Amelie'].filter((t) => t.toLowerCase().startsWith(typed.toLowerCase())).map((t) => ({ name: t, value: t })));
    return;
  }
  if (i.isChatInputCommand()) {
    switch (i.commandName) {
      case 'ping': await i.reply({ content: 'pong' }); return;
      case 'where': {
        const res = await i.reply({ content: `dm=${i.guildId === null} user=${i.user.username} perms=${i.memberPermissions?.has('ManageGuild') ?? 'none'}`, withResponse: true });
        await i.followUp({ content: `reply id ${res.resource?.message?.id}` });
        return;
      }
      case 'slow': await i.deferReply(); await i.editReply({ content: `done for ${i.options.getString('query') ?? '?'}` }); return;
      case 'count': await i.reply({ content: `n=${i.options.getInteger('n')} type=${typeof i.options.getInteger('n')} sub=${i.options.getSubcommand(false)}` }); return;
      case 'menu': {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary));
        await i.reply({ content: 'page 1', components: [row] });
        return;
      }
      case 'feedback': {
        const input = new TextInputBuilder().setCustomId('text').setLabel('Your feedback').setStyle(TextInputStyle.Short);
        await i.showModal(new ModalBuilder().setCustomId('fb').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
        return;
      }
      case 'file': {
        await i.reply({ content: 'here it comes' });
        await i.followUp({ content: 'the file', files: [{ attachment: Buffer.from('id,title\n1,Alien\n'), name: 'items.csv' }] });
        return;
      }
      case 'upload': {
        const att = i.options.getAttachment('file', true);
        const bytes = new Uint8Array(await (await fetch(att.url)).arrayBuffer());
        await i.reply({ content: `got ${att.name} ${bytes.byteLength} bytes: ${Buffer.from(bytes).toString('utf8')}` });
        return;
      }
      case 'thread': {
        await i.reply({ content: 'let us talk' });
        const reply = await i.fetchReply();
        const thread = await reply.startThread({ name: 'Taste talk' });
        await thread.send({ content: 'ask me anything' });
        return;
      }
      default: await i.reply({ content: `unknown ${i.commandName}`, flags: 64 });
    }
    return;
  }
  if (i.isStringSelectMenu() && i.customId === 'pick') { await i.deferUpdate(); await i.editReply({ content: `picked ${i.values.join('+')}` }); return; }
  if (i.isButton() && i.customId === 'more') { await i.update({ content: 'page 2', components: [] }); return; }
  if (i.isModalSubmit() && i.customId === 'fb') { await i.reply({ content: `thanks: ${i.fields.getTextInputValue('text')}`, flags: 64 }); }
}

/** Logs a client in; resolves once discord.js emitted clientReady. */
export async function startBot(emu: DiscordEmulator): Promise<TestBot> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    rest: { api: emu.apiUrl },
  });
  const bot: TestBot = { client, messages: [], errors: [], resumed: 0 };
  client.on(Events.InteractionCreate, (i) => { onInteraction(i).catch((err: unknown) => bot.errors.push(err)); });
  client.on(Events.MessageCreate, (m) => { bot.messages.push(m); });
  client.on(Events.ShardResume, () => { bot.resumed += 1; });
  client.on(Events.Error, (err) => bot.errors.push(err));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  return bot;
}
