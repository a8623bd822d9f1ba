import { createHash } from 'node:crypto';
import { ValidationError } from './errors.js';
import type { Store } from './kv.js';
import { decodeFloat32, encodeFloat32 } from './vectors.js';

export interface EmbeddingCacheOptions {
  /** Entries expire this long after being written; default never. */
  ttlMs?: number;
}

/** Embeddings by model and text (`emb:{model}:{sha256(text)}`): an unchanged re-upload costs no API call. */
export class EmbeddingCache {
  constructor(private readonly store: Store, private readonly opts: EmbeddingCacheOptions = {}) {}

  key(model: string, text: string): string {
    if (!/^[A-Za-z0-9_./@:-]{1,200}$/.test(model)) throw new ValidationError('key.model', 'invalid embedding model name', { model: String(model).slice(0, 200) });
    return `emb:${model}:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
  }

  /** One entry per text, same order; undefined where not cached. */
  async getMany(model: string, texts: readonly string[]): Promise<(Float32Array | undefined)[]> {
    const values = await this.store.getMany<string>(texts.map((t) => this.key(model, t)));
    return values.map((v) => (typeof v === 'string' ? decodeFloat32(v) : undefined));
  }

  async setMany(model: string, texts: readonly string[], vectors: readonly Float32Array[]): Promise<void> {
    if (texts.length !== vectors.length) throw new ValidationError('emb.length', `${texts.length} texts but ${vectors.length} vectors`);
    await this.store.setMany(texts.map((t, i) => ({ key: this.key(model, t), value: encodeFloat32(vectors[i]), ttlMs: this.opts.ttlMs })));
  }
}
