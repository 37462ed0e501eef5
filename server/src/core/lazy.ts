/**
 * Candidates that do not stay in memory. In a file of 100,000 candidates, the mappings, fields
 * and values of every candidate cost ~2.5 KB each: the language server keeps instead each
 * candidate's span, and reads its fields again from the text when something asks for them (a
 * rule, a hover, an inlay hint): ~10 µs with the fast parser. At most KEEP candidates are kept
 * read at a time (first read, first forgotten).
 *
 * Only candidates the fast parser read in its subset, written `- key: …` on their dash line, are
 * lazy: reading the lines from that dash to the end of the candidate's last value gives exactly
 * the same mapping (fast-parse.ts; a test checks it). Everything else stays as parsed.
 */
import { fastParseItem, readScalar } from './fast-parse';
import { type Candidate, type Cohort, type FieldInfo, fieldOf, type GridModel, moveTree, type ObjectInfo, readCandidate, type ResultField, textField, type TextField, type ValueNode } from './model';
import { ownString, type Span } from './text';

/** Candidates kept read at most, per file. */
export const KEEP = 2048;

/** The lazy candidates of one model, and which of them are read (first read, first forgotten). */
export class CandidateStore {
  /** Set once the model is built: candidates are read from its current text. */
  model: GridModel | undefined;
  /** Candidates in the order they were read; `head` is the oldest not yet forgotten. */
  private queue: LazyObject[] = [];
  private head = 0;
  /** Candidates whose fields are read now. */
  private live = 0;
  /**
   * While the file is first parsed and checked, candidates are forgotten at once (each is read
   * by the parser, then once more by the rules): what dies young costs the garbage collector
   * little, what lives a while is copied and promoted. settle() ends this.
   */
  private limit = 16;
  /** After the first check: fields are read from a copy of their lines (they may outlive the text). */
  settled = false;

  constructor(private readonly keep = KEEP) {}

  /** A candidate was read: it joins the queue (at `slot`). */
  remember(o: LazyObject): number {
    this.compact();
    this.live++;
    this.queue.push(o);
    const slot = this.queue.length - 1;
    this.trim();
    return slot;
  }

  /** A candidate's fields were forgotten (moved by an edit, or trimmed). */
  forgotten(): void {
    this.live--;
  }

  /** The first check is done: forget all but the last `keep` candidates read. */
  settle(): void {
    // What the first check read is forgotten: read from the first text, it would keep it alive
    // after the next edit (ownString); what is read from now on is read from copies.
    this.limit = 0;
    this.trim();
    this.settled = true;
    this.limit = this.keep;
  }

  private trim(): void {
    while (this.live > this.limit && this.head < this.queue.length) {
      const slot = this.head++;
      // (A candidate read again since, or already forgotten, has another slot or none.)
      this.queue[slot]!.forgetIfAt(slot);
    }
  }

  /** Drops the queue's forgotten head (slots move: only here, never while a slot is being handed out). */
  private compact(): void {
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      for (const [i, o] of this.queue.entries()) o.moveSlot(i + this.head, i);
      this.head = 0;
    }
  }
}

/**
 * A candidate list item just parsed, as a lazy candidate. The objects it keeps (span, item) are
 * made here, not where the parser makes the ones it throws away: V8 decides per allocation site
 * whether to allocate in the old generation ("pretenuring"), and a site whose objects mostly
 * survive would put the parser's garbage there too, where only a full collection frees it.
 */
export function lazyItem(item: ValueNode, store: CandidateStore): ValueNode {
  const span = { start: item.span.start, end: item.span.end };
  const obj = new LazyObject(span, item.map!.fields, store);
  return { kind: 'map', span, flow: false, map: obj };
}

/**
 * A candidate whose mapping's fields are read from the text on demand. One object is both the
 * candidate and its mapping (`obj` is itself): two objects less per candidate (~60 bytes).
 * `index` and `cohort` are set by the model's builder (parse.ts).
 */
export class LazyObject implements ObjectInfo, Candidate {
  index = -1;
  // (Set right after; initialised so that every instance has the same shape.)
  cohort: Cohort = undefined as unknown as Cohort;
  // (On the prototype: two fields less in each of 100,000 objects.)
  get kind(): 'candidate' {
    return 'candidate';
  }
  get flow(): false {
    return false;
  }
  #fields: FieldInfo[] | undefined;
  /** Where the store's queue has this candidate while its fields are read (-1: not read). */
  #slot: number;
  /** The candidate's text fields, read from the fields (dropped with them). */
  #read: Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> | undefined;
  /**
   * Where the id and the name are (their key's start, their value's start and end; -1: not a
   * scalar): duplicate-id reads every candidate's id after each edit that changes one, the outline
   * every name, and reading 100,000 candidates again for them would cost a second. Their texts
   * are read again from there (readScalar): a text kept would be a view into the whole document
   * (ownString) and a copy would cost 40 bytes more per candidate.
   */
  private idKey = -1;
  private idStart = -1;
  private idEnd = -1;
  private nameKey = -1;
  private nameStart = -1;
  private nameEnd = -1;

  constructor(
    readonly span: Span,
    fields: FieldInfo[],
    private readonly store: CandidateStore,
  ) {
    this.#fields = fields;
    const id = textField(fieldOf(this, 'id'));
    if (id) {
      this.idKey = id.keySpan.start;
      this.idStart = id.span.start;
      this.idEnd = id.span.end;
    }
    const name = textField(fieldOf(this, 'name'));
    if (name) {
      this.nameKey = name.keySpan.start;
      this.nameStart = name.span.start;
      this.nameEnd = name.span.end;
    }
    this.#slot = store.remember(this);
  }

  /** Moves the span and the kept fields after an edit at `at`; the fields are read again when asked. */
  shift(at: number, delta: number): void {
    const move = (o: number) => (o >= at ? o + delta : o);
    this.span.start = move(this.span.start);
    this.span.end = move(this.span.end);
    if (this.idKey >= 0) {
      this.idKey = move(this.idKey);
      this.idStart = move(this.idStart);
      this.idEnd = move(this.idEnd);
    }
    if (this.nameKey >= 0) {
      this.nameKey = move(this.nameKey);
      this.nameStart = move(this.nameStart);
      this.nameEnd = move(this.nameEnd);
    }
    this.evict();
  }

  get fields(): FieldInfo[] {
    if (!this.#fields) {
      this.#fields = this.readFields();
      this.#slot = this.store.remember(this);
    }
    return this.#fields;
  }

  /** Forgets the fields (after an edit moved the text under them, or to free memory). */
  evict(): void {
    if (!this.#fields) return;
    this.#fields = undefined;
    this.#slot = -1;
    this.#read = undefined;
    this.store.forgotten();
  }

  /** The store's oldest entry: forgotten if that entry is still this candidate's current one. */
  forgetIfAt(slot: number): void {
    if (this.#slot === slot) this.evict();
  }

  /** The store compacted its queue. */
  moveSlot(from: number, to: number): void {
    if (this.#slot === from) this.#slot = to;
  }

  get obj(): LazyObject {
    return this;
  }

  private get fieldsRead(): Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> {
    if (!this.#read) {
      const read: Pick<Candidate, 'id' | 'name' | 'profession' | 'threshold' | 'result'> = {};
      readCandidate(this, read);
      this.#read = read;
    }
    return this.#read;
  }

  get profession(): TextField | undefined {
    return this.fieldsRead.profession;
  }
  get threshold(): TextField | undefined {
    return this.fieldsRead.threshold;
  }
  get result(): ResultField | undefined {
    return this.fieldsRead.result;
  }

  /** The id, read again from the text (equal to the field read with the others). */
  get id(): TextField | undefined {
    return this.idKey < 0 ? undefined : this.keptField(this.idKey, 'id', this.idStart, this.idEnd);
  }

  /** The name, read again from the text. */
  get name(): TextField | undefined {
    return this.nameKey < 0 ? undefined : this.keptField(this.nameKey, 'name', this.nameStart, this.nameEnd);
  }

  private keptField(keyStart: number, key: string, start: number, end: number): TextField {
    const node = readScalar(this.store.model?.text ?? '', start, end);
    if (node?.text === undefined) throw new Error(`the ${key} of the candidate at offset ${this.span.start} could not be read again from the text`);
    return { value: node.text, span: node.span, keySpan: { start: keyStart, end: keyStart + key.length }, node };
  }

  private readFields(): FieldInfo[] {
    const text = this.store.model?.text ?? '';
    const { start, end } = this.span;
    const from = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', end);
    const to = nl < 0 ? text.length : nl + 1;
    // After the first check, a copy: the fields are kept a while (up to KEEP candidates), and must
    // not keep this text alive after an edit. (During it, 100,000 copies would cost 0.2 s.)
    const region = text.slice(from, to);
    const item = fastParseItem(this.store.settled ? ownString(region) : region, 'candidate');
    if (!item?.node.map || item.node.span.start + from !== start || item.node.span.end + from !== end) {
      // Cannot happen while the text is the model's (edits go through incremental.ts): say so loudly.
      throw new Error(`the candidate at offset ${start} could not be read again from the text`);
    }
    moveTree(item.node, from);
    return item.node.map.fields;
  }
}
