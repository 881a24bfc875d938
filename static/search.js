/* newsarchive search page: one form, two engines, no network beyond the site's own files.
 *
 * Over http(s) the page uses Pagefind (pagefind/pagefind.js, an ES module with WebAssembly).
 * From file://, or when Pagefind cannot load, it uses the fallback index in search-index/:
 * classic scripts that call newsarchiveSearchIndex(name, data), which browsers run from disk.
 * The fallback's format and folding rules are those of src/newsarchive/search.py.
 */
(function () {
  "use strict";

  const PAGE_SIZE = 20;
  const MAX_PREFIX_SHARDS = 6; // term shards a word being typed may load as a prefix (~190 kB)
  const ENDINGS = ["ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"]; // longest first
  const PHRASE_CHECK = 40; // fallback results checked for a quoted phrase, word for word
  const HEADLINE = 8, SUMMARY = 2; // field bits of a posting (search_terms.py)
  const RESPELL_FROM = 4; // letters a word needs before a misspelling is respelled, not left out
  const TWO_EDITS_FROM = 10; // letters a word needs before two edits may respell it ("internet" is no "interest")
  const SUGGEST_FROM = 5; // letters a rare word needs before another is suggested ("junk": "june")
  const RARE = 10; // articles or fewer that make a spelled word rare enough to suggest another
  const COMMONER = 20; // times more articles the other word needs to be suggested
  const MAX_BEGUN = 24; // most words a typed word begins that Pagefind is asked for one by one
  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const SPECIAL = { "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "ð": "d", "þ": "th",
                    "æ": "ae", "œ": "oe", "ß": "ss", "ς": "σ" };
  const SPECIAL_RE = /[øđłħıðþæœßς]/g;
  const COMBINING_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  const TOKEN_RE = /[\p{L}\p{N}]+/gu;
  const RAW_TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu; // a query's words before folding
  // Single letters joined by points ("U.S.", "E.C."): one word without them, as indexed.
  const DOTTED_RE = /(?<![\p{L}\p{N}])(?:\p{L}\.)+\p{L}(?![\p{L}\p{N}])/gu;
  const SHOWN_TOKEN_RE = new RegExp(`${DOTTED_RE.source}\\.?|${TOKEN_RE.source}`, "gu"); // "U.S." whole

  const form = document.querySelector("form[data-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const sectionSelect = form.querySelector("select[name=section]"); // absent when no sections
  const yearSelect = form.querySelector("select[name=year]"); // absent when nothing is dated
  const headerInput = document.querySelector("#masthead-q");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const more = document.querySelector(".search-more");
  const root = form.getAttribute("data-root").replace(/index\.html$/, "");

  /** Return text lowercased with accents removed, as search.py's fold() does. */
  function fold(text) {
    return text.toLowerCase().replace(SPECIAL_RE, (c) => SPECIAL[c])
      .normalize("NFKD").replace(COMBINING_RE, "");
  }

  /** Return the folded words of a text. */
  function words(text) {
    const joined = fold(text).replace(DOTTED_RE, (dotted) => dotted.replace(/\./g, ""));
    return joined.match(TOKEN_RE) || [];
  }

  /** Make an element with a class and text. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /** Return text as nodes, with the words that match the query wrapped in <mark>. */
  function highlight(text, query) {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(SHOWN_TOKEN_RE)) { // "U.S." marked whole
      const folded = words(match[0]).join("");
      const hit = query.exact.has(folded) || (query.prefix && folded.startsWith(query.prefix)) ||
        query.stems.some((stem) => stem.length > 3 && folded.startsWith(stem));
      if (!hit) continue;
      nodes.push(document.createTextNode(text.slice(last, match.index)));
      nodes.push(element("mark", "", match[0]));
      last = match.index + match[0].length;
    }
    nodes.push(document.createTextNode(text.slice(last)));
    return nodes;
  }

  /* ---- fallback engine: search-index/*.js loaded with classic <script> tags ---- */

  const indexFolder = form.getAttribute("data-index").replace(/[^/]*$/, "");
  const waiting = {};
  const loads = {};
  window.newsarchiveSearchIndex = function (name, data) {
    if (waiting[name]) waiting[name](data);
    delete waiting[name];
  };

  /** Load one index file by name; resolves with the data it registers. */
  function load(name) {
    if (!loads[name]) {
      loads[name] = new Promise((resolve, reject) => {
        waiting[name] = resolve;
        const script = document.createElement("script");
        script.src = indexFolder + name + ".js";
        script.charset = "utf-8";
        script.onerror = () => reject(new Error("cannot load the search index file " + name));
        document.head.appendChild(script);
      });
    }
    return loads[name];
  }

  const DIGITS = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;

  /** Decode a posting string into parallel arrays of docs and field bits. */
  function decode(text, shift, docs, fields) {
    let number = 0;
    let previous = 0;
    for (let i = 0; i < text.length; i++) {
      const digit = DIGITS[text.charCodeAt(i)];
      number = number * 32 + (digit & 31);
      if (digit >= 32) continue;
      previous += Math.floor(number / (1 << shift));
      docs.push(previous);
      if (fields) fields.push(number % (1 << shift));
      number = 0;
    }
  }

  /** Return the rank weight of a posting's field bits: headline > names > summary > body. */
  function weight(bits) {
    return 1 + (bits & 1) + ((bits >> 1) & 1) * 3 + ((bits >> 2) & 1) * 6 + ((bits >> 3) & 1) * 12;
  }

  /** Return the numbers of the term shards that may hold terms between lo and hi. */
  function shardsBetween(firsts, lo, hi) {
    const found = [];
    for (let k = 0; k < firsts.length && firsts[k] <= hi; k++) {
      if (k + 1 === firsts.length || firsts[k + 1] >= lo) found.push(k);
    }
    return found;
  }

  /** Return the quoted phrases of a query, as lists of folded words. */
  function phrases(raw) {
    return [...raw.matchAll(/"([^"]*)"/g)].map((m) => words(m[1])).filter((p) => p.length > 1);
  }

  /** Return the query's words: whole words, and the last one as a prefix while the reader is
   *  `typing` it (in the box, not a query submitted or opened from a link: "oil" is no
   *  "oilseeds" then). */
  function parse(raw, manifest, typing) {
    const stop = new Set(manifest.stop);
    const indexed = (w) => w.length > 1 && w.length <= manifest.longest && !stop.has(w);
    const all = words(raw);
    typing = typing && all.length > 0 && !/[\s\p{P}]$/u.test(raw);
    const whole = (typing ? all.slice(0, -1) : all).filter(indexed);
    let prefix = typing ? all[all.length - 1] : "";
    if (prefix.length < 2 || prefix.length > manifest.longest || (whole.length && stop.has(prefix))) {
      prefix = ""; // too short or long to match, or a stop-word after real words
    }
    const exact = new Set(whole);
    if (prefix) exact.add(prefix);
    return { whole: whole, prefix: prefix, exact: exact, phrases: phrases(raw), indexed: indexed,
             stems: [] };
  }

  /** Return a parsed query's words as [word, whether it is the word being typed]. */
  function wordsOf(query) {
    return query.whole.map((w) => [w, false]).concat(query.prefix ? [[query.prefix, true]] : []);
  }

  /** Return doc -> score (and field bits) for one query word. A word the index does not
   *  hold is tried without its English ending, as a prefix ("arrested" finds "arrest": a word
   *  the index holds finds every form of its stem already). Misspellings are respelled before
   *  either engine runs (`respell`). */
  async function matches(manifest, word, isPrefix) {
    const found = await termMatches(manifest, word, isPrefix);
    if (found.scores.size || word.length < 4) return found;
    const base = withoutEnding(word);
    return base ? termMatches(manifest, base, true) : found;
  }

  /** Return a word without an English inflection ending, roughly as the Snowball stemmer
   *  removes it ("arrested" -> "arrest", "running" -> "run", "companies" -> "compani"), or "". */
  function withoutEnding(word) {
    for (const ending of ENDINGS) {
      if (word.length - ending.length < 3 || !word.endsWith(ending)) continue;
      const base = word.slice(0, -ending.length);
      if (ending[0] === "i" && ending !== "ing") return base + "i";
      return /([bdfgmnprt])\1$/.test(base) ? base.slice(0, -1) : base;
    }
    return "";
  }

  /** Return doc -> score and doc -> field bits for one word, from the shards that hold it,
   *  and the terms whose postings it used. A word listed as "=stem" shares its stem's postings
   *  (search.py stems at build time, as Pagefind does): they are loaded, one step only. */
  async function termMatches(manifest, word, isPrefix, follow = true) {
    const firsts = manifest.shards;
    let shards = shardsBetween(firsts, word, word + "\uffff");
    const expand = isPrefix && shards.length <= MAX_PREFIX_SHARDS;
    if (!expand) shards = shardsBetween(firsts, word, word);
    const loaded = await Promise.all(shards.map((k) => load(fileName("t", k, 4))));
    const found = { scores: new Map(), bits: new Map(), keys: new Set() };
    const stems = new Map(); // stem -> score factor
    for (const shard of loaded) {
      for (const [term, postings] of shard) {
        const exact = term === word;
        if (!exact && !(expand && term.startsWith(word))) continue;
        const factor = exact ? 1 : 0.8;
        if (postings[0] !== "=") {
          found.keys.add(term);
          addPostings(found, postings, factor);
        } else if (follow) {
          const stem = postings.slice(1);
          stems.set(stem, Math.max(stems.get(stem) || 0, factor));
        }
      }
    }
    for (const [stem, factor] of stems) {
      if (found.keys.has(stem)) continue; // a prefix match already counted it
      const more = await termMatches(manifest, stem, false, false);
      found.keys.add(stem);
      for (const [doc, score] of more.scores) {
        if ((found.scores.get(doc) || 0) < score * factor) found.scores.set(doc, score * factor);
        found.bits.set(doc, (found.bits.get(doc) || 0) | more.bits.get(doc));
      }
    }
    return found;
  }

  /** Add one posting string's docs to a word's scores and field bits. */
  function addPostings(found, postings, factor) {
    const docs = [];
    const fields = [];
    decode(postings, 4, docs, fields);
    for (let i = 0; i < docs.length; i++) {
      const score = weight(fields[i]) * factor;
      const before = found.scores.get(docs[i]);
      if (before === undefined || before < score) found.scores.set(docs[i], score);
      found.bits.set(docs[i], (found.bits.get(docs[i]) || 0) | fields[i]);
    }
  }

  /** Return doc -> bonus for quoted phrases. The fallback keeps no word positions, so a phrase
   *  counts where all its words are in the headline (most) or all in the names. */
  function phraseBonus(query, found) {
    const bonus = new Map();
    for (const phrase of query.phrases) {
      const maps = phrase.filter(query.indexed).map((w) => found.get(w)).filter(Boolean);
      if (!maps.length || maps.length < phrase.length) continue;
      for (const doc of maps[0].bits.keys()) {
        let all = 15;
        for (const map of maps) all &= map.bits.get(doc) || 0;
        const extra = (all & 8 ? 24 : 0) + (all & 4 ? 12 : 0);
        if (extra) bonus.set(doc, (bonus.get(doc) || 0) + extra);
      }
    }
    return bonus;
  }

  /* ---- spelling, for both engines: search-index/w*.js list the words the archive spells ---- */

  /** Return word -> number of articles, for the spelled words between lo and hi, or null when
   *  they fill more than one word file (then some word lies between them). */
  async function spelledBetween(manifest, lo, hi) {
    const files = shardsBetween(manifest.words, lo, hi);
    if (files.length > 1) return null;
    const found = new Map();
    for (const file of await Promise.all(files.map(wordFile))) {
      file.words.forEach((word, i) => {
        if (word >= lo && word <= hi) found.set(word, file.counts[i]);
      });
    }
    return found;
  }

  const wordFiles = {};

  /** Return word file k as its words and their numbers of articles, split once. */
  function wordFile(k) {
    wordFiles[k] = wordFiles[k] || load(fileName("w", k, 3))
      .then(([text, counts]) => ({ words: text.split(" "), counts: counts }));
    return wordFiles[k];
  }

  /** Return word -> number of articles for the spelled words that begin with start, or null
   *  when they fill more than one word file. */
  function spelledFrom(manifest, start) {
    return spelledBetween(manifest, start, start + "\uffff");
  }

  /** Return what to search for instead of a query word: null to keep it (some article spells
   *  it or another form of it), its `nearest` spelled word, or "" to leave it out. A word being
   *  typed is kept while it begins spelled words, unless its nearest word is in COMMONER times
   *  more articles than all of those ("Reagen" is Reagan, not the start of "reagents"). */
  async function respelling(manifest, word, isPrefix) {
    const same = await spelledBetween(manifest, word, word);
    if (same === null || same.has(word)) return null;
    const base = withoutEnding(word);
    const forms = base ? await spelledFrom(manifest, base) : new Map();
    if (forms === null || forms.size) return null;
    const begun = isPrefix ? await spelledFrom(manifest, word) : new Map();
    if (begun === null) return null;
    const [near, docs] = await nearest(manifest, word, isPrefix);
    const started = [...begun.values()].reduce((a, b) => a + b, 0);
    return started && docs < started * COMMONER ? null : near;
  }

  /** Return the number of edits (insert, delete, change, swap two neighbours) that turn a into
   *  b, or most + 1 when it is more than most. */
  function edits(a, b, most) {
    let before = null;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      let least = i;
      for (let j = 1; j <= b.length; j++) {
        let d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, before[j - 2] + 1);
        }
        next.push(d);
        least = Math.min(least, d);
      }
      if (least > most) return most + 1;
      before = row;
      row = next;
    }
    return row[b.length];
  }

  /** Return the spelled word nearest a misspelt one and its number of articles: same first
   *  letter, one edit away (two from TWO_EDITS_FROM letters), the fewest edits, then the most
   *  articles; or ["", 0]. A word being typed may be that near the start of a longer word
   *  ("chancelo" is one edit from the start of "chancellor"). */
  async function nearest(manifest, word, isPrefix = false) {
    if (word.length < RESPELL_FROM) return ["", 0];
    const most = word.length >= TWO_EDITS_FROM ? 2 : 1;
    const letter = word[0];
    const files = shardsBetween(manifest.words, letter, letter + "\uffff");
    let best = "";
    let fewest = most + 1;  // edits, half more as the start of a word
    let docs = 0;
    for (const k of files) {
      const { words: spelled, counts } = await wordFile(k);
      spelled.forEach((other, i) => {
        if (other[0] !== letter || other.length < word.length - most) return;
        if (!isPrefix && other.length > word.length + most) return;
        let d = edits(word, other, most);
        for (let end = word.length - 1; isPrefix && end <= word.length + 1; end++) {
          // as the start of a longer word: after a whole word as near ("acord": accord)
          if (end < other.length) d = Math.min(d, edits(word, other.slice(0, end), most) + 0.5);
        }
        if (d > 0 && d <= most + 0.5 && (d < fewest || (d === fewest && counts[i] > docs))) {
          [best, fewest, docs] = [other, d, counts[i]];
        }
      });
    }
    return [best, docs];
  }

  /** Return a word far more common than a rare spelled one and next to it, to suggest
   *  ("government" for "goverment", in 9 of Reuters' articles), or "". */
  async function commoner(manifest, word) {
    const same = await spelledBetween(manifest, word, word);
    const docs = same ? same.get(word) || 0 : 0;
    if (!docs || docs > RARE || word.length < SUGGEST_FROM) return "";
    const [near, nearDocs] = await nearest(manifest, word);
    return nearDocs >= docs * COMMONER ? near : "";
  }

  /** Return raw with its words replaced as a map of folded words says ("" leaves one out). */
  function replaced(raw, changes) {
    return raw.replace(RAW_TOKEN_RE, (token) => {
      const word = words(token).join("");
      return changes.has(word) ? sameCase(changes.get(word), token) : token;
    }).replace(/\s+(?=\s)/g, "").replace(/^\s+/, "");
  }

  /** Return a word in the case of another ("Volker": "Volcker", "OPEC": ...). */
  function sameCase(word, like) {
    if (!word) return word;
    if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
    return like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
  }

  /** Return the query spelled against the archive: each word that no article spells (nor
   *  another form of it) replaced by its `nearest` spelled word, or left out when there is
   *  none; the changes made, as [typed, used or ""]; and the query with each rare word
   *  replaced by a `commoner` one, to suggest ("" for none). Both engines get the spelled
   *  query, so they agree on misspellings: Pagefind alone would shorten the word until
   *  something matched ("chancelor" found "chances"). */
  async function respell(raw, manifest, typing) {
    if (!manifest.words) return { raw: raw, changes: [], suggestion: "" };
    const query = parse(raw, manifest, typing);
    const wanted = wordsOf(query);
    const checked = await Promise.all(wanted.map(async ([word, isPrefix]) => {
      const used = /\d/.test(word) ? null : await respelling(manifest, word, isPrefix);
      return used === null ? null : [word, used];
    }));
    const changes = new Map(checked.filter(Boolean));
    const spelt = changes.size ? replaced(raw, changes) : raw;
    const rare = await Promise.all(wanted.map(([w]) => w).filter((w) => !changes.has(w) && !/\d/.test(w))
      .map(async (word) => [word, await commoner(manifest, word)]));
    const better = new Map(rare.filter(([, near]) => near));
    return { raw: spelt, changes: [...changes], suggestion: better.size ? replaced(spelt, better) : "" };
  }

  /** Return a file name: a letter and a zero-padded number ("t0007"). */
  function fileName(letter, number, width) {
    return letter + String(number).padStart(width, "0");
  }

  /** Return the set of docs in one filter list (a section or a year). */
  async function filterDocs(name) {
    const docs = [];
    decode(await load(name), 0, docs, null);
    return new Set(docs);
  }

  /** Return doc numbers ranked by score: docs that match every word and pass the filters. */
  function rank(maps, inSection, inYear, bonus) {
    maps.sort((a, b) => a.size - b.size);
    const ranked = [];
    for (const [doc, score] of maps[0]) {
      if ((inSection && !inSection.has(doc)) || (inYear && !inYear.has(doc))) continue;
      let total = score + (bonus.get(doc) || 0);
      for (let i = 1; i < maps.length && total > 0; i++) {
        total = maps[i].has(doc) ? total + maps[i].get(doc) : 0;
      }
      if (total > 0) ranked.push([doc, total]);
    }
    ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return ranked.map(([doc]) => doc);
  }

  /** Load the fallback index's manifest and return the engine that searches it. */
  async function fallbackEngine() {
    const manifest = await load("manifest");
    return {
      name: "fallback",
      async search(raw, filters, typing) {
        const query = parse(raw, manifest, typing);
        const wanted = wordsOf(query);
        const section = filters.section ? manifest.sections.indexOf(filters.section) : null;
        const year = filters.year ? manifest.years.indexOf(Number(filters.year)) : null;
        if (!wanted.length || section === -1 || year === -1) {
          return { total: 0, load: async () => [] };
        }
        const [found, inSection, inYear] = await Promise.all([
          Promise.all(wanted.map(([w, isPrefix]) => matches(manifest, w, isPrefix))),
          section === null ? null : filterDocs(fileName("s", section, 3)),
          year === null ? null : filterDocs(fileName("y", manifest.years[year], 4)),
        ]);
        const byWord = new Map(wanted.map(([w], i) => [w, found[i]]));
        query.stems = found.flatMap((f) => [...f.keys]); // "arrest" marks "arrested" too
        const bonus = phraseBonus(query, byWord);
        // A word found nowhere is left out, as Pagefind leaves out words it does not know.
        const known = found.map((f) => f.scores).filter((scores) => scores.size);
        let docs = known.length ? rank(known, inSection, inYear, bonus) : [];
        if (query.phrases.length) docs = await phrasesFirst(manifest, docs, query, byWord);
        return {
          total: docs.length,
          stems: query.stems,
          load: (start, end) => Promise.all(
            docs.slice(start, end).map((doc) => docResult(manifest, doc, query))),
        };
      },
    };
  }

  /** Return docs with those among the first PHRASE_CHECK whose headline or summary holds
   *  every quoted phrase word for word moved to the front. Only the texts of docs whose
   *  headline or summary has each phrase word (by its field bits, `found`) are loaded: a
   *  first query loads no document file it does not show. */
  async function phrasesFirst(manifest, docs, query, found) {
    const quoted = query.phrases;
    const head = docs.slice(0, PHRASE_CHECK);
    const shown = (doc) => quoted.every((p) => p.filter(query.indexed).every(
      (w) => ((found.get(w) || { bits: new Map() }).bits.get(doc) || 0) & (HEADLINE | SUMMARY)));
    const texts = await Promise.all(head.map(async (doc) => {
      if (!shown(doc)) return "";
      const [, title, , , summary] = await docRecord(manifest, doc);
      return " " + words(title).join(" ") + " | " + words(summary).join(" ") + " ";
    }));
    const holds = head.map((_, i) => quoted.every((p) => texts[i].includes(` ${p.join(" ")} `)));
    return head.filter((_, i) => holds[i]).concat(head.filter((_, i) => !holds[i]),
                                                  docs.slice(PHRASE_CHECK));
  }

  /** Return the record of one fallback document: url, headline, date, section, summary. */
  async function docRecord(manifest, doc) {
    const shard = await load(fileName("d", Math.floor(doc / manifest.per), 4));
    return shard[doc % manifest.per];
  }

  /** Return the result for one fallback document. */
  async function docResult(manifest, doc, query) {
    const [url, title, date, section, summary, version] = await docRecord(manifest, doc);
    return { url: root + url, title: title, date: date, section: manifest.sections[section] || "",
             excerpt: highlight(summary, query), version: Boolean(version) };
  }

  /* ---- Pagefind engine: over http(s) ---- */

  /** Import Pagefind and return the engine that searches with it. */
  async function pagefindEngine() {
    const bundle = new URL(form.getAttribute("data-pagefind"), document.baseURI);
    const pagefind = await import(bundle.href);
    await pagefind.options({ baseUrl: "/", excerptLength: 30 });
    await pagefind.init();
    const listed = await fetch(new URL("parts.json", bundle)); // the other parts' bundles
    const parts = listed.ok ? await listed.json() : [];
    for (const part of parts) {
      await pagefind.mergeIndex(new URL(part, bundle).href, { baseUrl: "/" });
    }
    /** Return the ids of the pages Pagefind finds for a query. */
    const ids = async (query, options) => new Set(((await pagefind.search(query, options)) ||
      { results: [] }).results.map((r) => r.id));
    /** Return the ids of the pages that hold a word (any form of its stem), or a word it
     *  begins while it is typed; null when too many words begin with it to ask. */
    const holding = async (manifest, word, isPrefix, options) => {
      const begun = isPrefix ? await spelledFrom(manifest, word) : new Map([[word, 1]]);
      if (begun === null || begun.size > MAX_BEGUN) return null;
      const sets = await Promise.all([...begun.keys()].map((w) => ids(`"${w}"`, options)));
      return new Set(sets.flatMap((set) => [...set]));
    };
    await pagefind.filters(); // fails here, not mid-search, when the bundle is broken
    return {
      name: "pagefind",
      async search(raw, filters, typing) {
        const chosen = {};
        if (filters.section) chosen.section = filters.section;
        if (filters.year) chosen.year = filters.year;
        const options = { filters: chosen };
        const manifest = await load("manifest");
        const query = parse(raw.replace(/"/g, " "), manifest, typing);
        // The words the fallback searches: no stop-word, no single letter ("the dollar").
        const plain = [...query.whole, query.prefix].filter(Boolean).join(" ");
        const found = plain ? await pagefind.search(plain, options) : null;
        let results = found ? found.results : [];
        // Pagefind matches a word as the start of longer ones, and where an index (a part)
        // holds neither, as the longest word it begins ("blair" found "b"): a page must hold
        // every word itself, as the fallback asks; a word no page holds is left out.
        const wanted = wordsOf(query);
        const sets = await Promise.all(
          wanted.map(([w, isPrefix]) => holding(manifest, w, isPrefix, options)));
        const known = sets.filter((set) => set && set.size);
        results = results.filter((r) => known.every((set) => set.has(r.id)));
        const quoted = [...raw.matchAll(/"([^"]+)"/g)].map((m) => m[1].trim()).filter(Boolean);
        if (quoted.length) { // pages with every phrase exactly first, in Pagefind's order
          const sets = await Promise.all(quoted.map((q) => ids(`"${q}"`, options)));
          const exact = (r) => sets.every((set) => set.has(r.id));
          results = results.filter(exact).concat(results.filter((r) => !exact(r)));
        }
        return {
          total: results.length,
          load: (start, end) => Promise.all(results.slice(start, end).map(async (r) => pagefindResult(await r.data()))),
        };
      },
    };
  }

  /** Return the result for one Pagefind hit. */
  function pagefindResult(data) {
    const excerpt = element("span");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
    return { url: root + data.url.replace(/^\/+/, ""), title: data.meta.title || data.url,
             date: data.meta.date || "", section: ((data.filters || {}).section || [""])[0],
             excerpt: [excerpt], version: data.meta.version === "another" };
  }

  /* ---- the page ---- */

  /** Return Pagefind over http(s) if the site has it, else (or when it fails to load) the
   *  fallback index. */
  async function chooseEngine() {
    if (location.protocol !== "file:" && form.hasAttribute("data-pagefind")) {
      try {
        return await pagefindEngine();
      } catch (error) {
        console.info("newsarchive: Pagefind unavailable, using the fallback index:", error);
      }
    }
    return fallbackEngine();
  }

  /** Return what to mark in headlines: the query's words, the last one also as a prefix, and
   *  the stems the engine matched them by (none for Pagefind). */
  function marked(raw, stems) {
    const all = words(raw);
    return { exact: new Set(all), prefix: all.length ? all[all.length - 1] : "", stems: stems };
  }

  const WIRE_MARK_RE = /<([A-Z0-9][^<>\n]{0,80}?)(?<! )>/g;
  const TICKER_RE = /^[A-Z0-9][A-Z0-9./-]{0,11}(?: (?!(?:AG|AB|AS|BV|CO|KK|NV|OY|SA)$)[A-Z]{1,2})?$/;

  /** Return nodes with a wire's <TICKER> as a ticker and a <Company> without its brackets,
   *  the brackets kept in the text but hidden, as the pages show them (render.wire_marks). */
  function wireMarks(nodes) {
    return nodes.flatMap((node) => {
      if (node.nodeType === Node.ELEMENT_NODE && node.tagName !== "MARK") {
        node.replaceChildren(...wireMarks([...node.childNodes])); // Pagefind's excerpt
        return [node];
      }
      if (node.nodeType !== Node.TEXT_NODE || !node.data.includes("<")) return [node];
      const parts = [];
      let last = 0;
      for (const match of node.data.matchAll(WIRE_MARK_RE)) {
        parts.push(document.createTextNode(node.data.slice(last, match.index)));
        const mark = element("span", TICKER_RE.test(match[1]) ? "ticker" : "wire-name");
        mark.append(element("span", "wire-mark", "<"), match[1], element("span", "wire-mark", ">"));
        parts.push(mark);
        last = match.index + match[0].length;
      }
      parts.push(document.createTextNode(node.data.slice(last)));
      return parts;
    });
  }

  /** Render one result as a list item: section, date, headline link (matches marked), excerpt. */
  function renderResult(result, marks) {
    const item = element("li", "search-result");
    const meta = element("p", "card-meta");
    if (result.section) meta.append(element("span", "card-section", result.section), " ");
    meta.append(result.date ? element("time", "", result.date) : element("span", "undated", "Undated"));
    if (result.version) meta.append(" ", element("span", "card-version", "Another version")); // a near-duplicate
    const heading = element("h2", "card-title");
    const link = element("a");
    link.append(...wireMarks(highlight(result.title, marks)));
    link.href = result.url;
    heading.append(link);
    const excerpt = element("p", "search-excerpt");
    excerpt.append(...wireMarks(result.excerpt));
    item.append(meta, heading, excerpt);
    return item;
  }

  let enginePromise = null;
  let current = 0;
  let pending = null;
  let shown = 0;
  let found = null;

  /** Run the search for what the form holds now and show the first page of results. */
  async function run(typing = false) {
    const ticket = ++current;
    const raw = input.value.trim() ? input.value : "";
    const filters = { section: sectionSelect ? sectionSelect.value : "",
                      year: yearSelect ? yearSelect.value : "" };
    if (headerInput) headerInput.value = raw;
    remember(raw, filters);
    if (!raw) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "Type a word to search the archive.";
      return;
    }
    status.textContent = "Searching…";
    try {
      enginePromise = enginePromise || chooseEngine();
      const engine = await enginePromise;
      form.setAttribute("data-engine", engine.name);
      const manifest = await load("manifest");
      const spelt = await respell(raw, manifest, typing);
      const asked = spelt.raw.trim();
      const searched = wordsOf(parse(asked, manifest, typing)).length > 0;
      const result = searched ? await engine.search(spelt.raw, filters, typing)
        : { total: 0, load: async () => [] };
      if (ticket !== current) return;
      found = result;
      found.raw = spelt.raw;
      shown = 0;
      list.replaceChildren();
      await showMore(ticket);
      const noun = result.total === 1 ? "article matches" : "articles match";
      const quote = (text) => /^".*"$/.test(text) ? text : `“${text}”`; // "Black Monday" once
      // A quoted phrase finds every article with its words, those that write it first: the
      // count is of the words ("6 articles match every word of "Black Monday"", 3 the phrase).
      const counted = phrases(asked).length ? `${result.total} ${noun} every word of ${quote(asked)}; `
        + "those that write the phrase come first." : `${result.total} ${noun} ${quote(asked)}.`;
      status.textContent = !asked ? `No articles match ${quote(raw.trim())}: no article has it or a word like it.`
        : !searched ? `Nothing to search for in ${quote(asked)}: words as common as “the”, “of” `
          + "or “and”, and single letters, are left out. Add a word the story would use."
        : spelling(spelt.changes) + (result.total ? counted
          : `No articles match ${quote(asked)}. Try fewer or other words.`);
      if (spelt.suggestion) status.append(" ", suggestionLink(spelt.suggestion, filters));
    } catch (error) {
      if (ticket !== current) return;
      status.textContent = "Search is not available: " + error.message;
    }
  }

  /** Return what the reader is told of respelled words ("No article has “chancelor”:
   *  searched for “chancellor”. "), or "". */
  function spelling(changes) {
    return changes.map(([typed, used]) => used
      ? `No article has “${typed}”: searched for “${used}”. `
      : `No article has “${typed}” or a word like it: left out. `).join("");
  }

  /** Return "Did you mean “government”?" with a link that searches for it. */
  function suggestionLink(suggestion, filters) {
    const link = element("a", "search-suggestion", suggestion.trim());
    link.href = "?" + queryString(suggestion.trim(), filters);
    link.addEventListener("click", (event) => {
      event.preventDefault();
      input.value = suggestion.trim();
      run();
    });
    const text = element("span");
    text.append("Did you mean “", link, "”?");
    return text;
  }

  /** Append the next page of results. */
  async function showMore(ticket) {
    const items = await found.load(shown, shown + PAGE_SIZE);
    if (ticket !== current) return;
    const marks = marked(found.raw, found.stems || []);
    list.append(...items.map((item) => renderResult(item, marks)));
    shown += items.length;
    more.hidden = shown >= found.total;
  }

  /** Return the search page's query string for a query and filters. */
  function queryString(raw, filters) {
    const params = new URLSearchParams();
    if (raw) params.set("q", raw);
    if (filters.section) params.set("section", filters.section);
    if (filters.year) params.set("year", filters.year);
    return params.toString();
  }

  /** Put the query in the address bar, so a result page's Back returns to it. */
  function remember(raw, filters) {
    const query = queryString(raw, filters);
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (error) {
      // some browsers refuse to change a file:// address; the search still works
    }
  }

  /** Run the search shortly after typing stops. */
  function soon() {
    clearTimeout(pending);
    pending = setTimeout(() => run(true), 120);
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (headerInput) headerInput.value = input.value; // the header box shows the query too
  if (sectionSelect) sectionSelect.value = params.get("section") || "";
  if (yearSelect) yearSelect.value = params.get("year") || "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(pending);
    run();
  });
  input.addEventListener("input", soon);
  if (sectionSelect) sectionSelect.addEventListener("change", () => run());
  if (yearSelect) yearSelect.addEventListener("change", () => run());
  more.querySelector("button").addEventListener("click", () => showMore(current));
  run();
  input.focus();
})();
