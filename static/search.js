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
  const MAX_PREFIX_SHARDS = 3;
  const ENDINGS = ["ingly", "edly", "ing", "ies", "ied", "ed", "es", "ly", "s"]; // longest first
  const PHRASE_CHECK = 40; // fallback results checked for a quoted phrase, word for word
  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  const SPECIAL = { "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "ð": "d", "þ": "th",
                    "æ": "ae", "œ": "oe", "ß": "ss", "ς": "σ" };
  const SPECIAL_RE = /[øđłħıðþæœßς]/g;
  const COMBINING_RE = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  const TOKEN_RE = /[\p{L}\p{N}]+/gu;

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
    return fold(text).match(TOKEN_RE) || [];
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
    for (const match of text.matchAll(TOKEN_RE)) {
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

  /** Return the query's words: whole words, and the last one as a prefix while it is typed. */
  function parse(raw, manifest) {
    const stop = new Set(manifest.stop);
    const indexed = (w) => w.length > 1 && w.length <= manifest.longest && !stop.has(w);
    const all = words(raw);
    const typing = all.length > 0 && !/[\s\p{P}]$/u.test(raw);
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

  /** Return doc -> score (and field bits) for one query word. A word the index does not
   *  hold is tried without its English ending, as a prefix ("arrested" finds "arrest": a word
   *  the index holds finds every form of its stem already); then a word of 5 letters or more
   *  is taken as misspelt: its last letter is dropped and the rest matched as a prefix
   *  ("blaire" finds "Blair"), as Pagefind's stemming often does. */
  async function matches(manifest, word, isPrefix) {
    const found = await termMatches(manifest, word, isPrefix);
    if (found.scores.size || word.length < 4) return found;
    const base = withoutEnding(word);
    const again = base ? await termMatches(manifest, base, true) : found;
    if (again.scores.size || word.length < 5) return again;
    return termMatches(manifest, word.slice(0, -1), true);
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
      async search(raw, filters) {
        const query = parse(raw, manifest);
        const wanted = query.whole.map((w) => [w, false]);
        if (query.prefix) wanted.push([query.prefix, true]);
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
        if (query.phrases.length) docs = await phrasesFirst(manifest, docs, query.phrases);
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
   *  every quoted phrase word for word moved to the front (their text is loaded anyway). */
  async function phrasesFirst(manifest, docs, quoted) {
    const head = docs.slice(0, PHRASE_CHECK);
    const texts = await Promise.all(head.map(async (doc) => {
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
    const [url, title, date, section, summary] = await docRecord(manifest, doc);
    return { url: root + url, title: title, date: date, section: manifest.sections[section] || "",
             excerpt: highlight(summary, query) };
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
    await pagefind.filters(); // fails here, not mid-search, when the bundle is broken
    return {
      name: "pagefind",
      async search(raw, filters) {
        const chosen = {};
        if (filters.section) chosen.section = filters.section;
        if (filters.year) chosen.year = filters.year;
        const options = { filters: chosen };
        const plain = raw.replace(/"/g, " ");
        const found = await pagefind.search(plain, options);
        let results = found ? found.results : [];
        const each = words(plain);
        if (parts.length && each.length > 1) {
          // A part that lacks one of the words ignores it, so every word must find the page.
          const sets = await Promise.all(each.map((w) => ids(w, options)));
          const known = sets.filter((set) => set.size); // words found nowhere are left out
          results = results.filter((r) => known.every((set) => set.has(r.id)));
        }
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
             excerpt: [excerpt] };
  }

  /* ---- the page ---- */

  /** Return Pagefind over http(s), else (or when it fails to load) the fallback index. */
  async function chooseEngine() {
    if (location.protocol !== "file:") {
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

  /** Render one result as a list item: section, date, headline link (matches marked), excerpt. */
  function renderResult(result, marks) {
    const item = element("li", "search-result");
    const meta = element("p", "card-meta");
    if (result.section) meta.append(element("span", "card-section", result.section), " ");
    meta.append(result.date ? element("time", "", result.date) : element("span", "undated", "Undated"));
    const heading = element("h2", "card-title");
    const link = element("a");
    link.append(...highlight(result.title, marks));
    link.href = result.url;
    heading.append(link);
    const excerpt = element("p", "search-excerpt");
    excerpt.append(...result.excerpt);
    item.append(meta, heading, excerpt);
    return item;
  }

  let enginePromise = null;
  let current = 0;
  let pending = null;
  let shown = 0;
  let found = null;

  /** Run the search for what the form holds now and show the first page of results. */
  async function run() {
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
      const result = await engine.search(raw, filters);
      if (ticket !== current) return;
      found = result;
      shown = 0;
      list.replaceChildren();
      await showMore(ticket);
      const noun = result.total === 1 ? "article matches" : "articles match";
      status.textContent = result.total ? `${result.total} ${noun} “${raw.trim()}”.`
        : `No articles match “${raw.trim()}”. Try fewer or other words.`;
    } catch (error) {
      if (ticket !== current) return;
      status.textContent = "Search is not available: " + error.message;
    }
  }

  /** Append the next page of results. */
  async function showMore(ticket) {
    const items = await found.load(shown, shown + PAGE_SIZE);
    if (ticket !== current) return;
    const marks = marked(input.value, found.stems || []);
    list.append(...items.map((item) => renderResult(item, marks)));
    shown += items.length;
    more.hidden = shown >= found.total;
  }

  /** Put the query in the address bar, so a result page's Back returns to it. */
  function remember(raw, filters) {
    const params = new URLSearchParams();
    if (raw) params.set("q", raw);
    if (filters.section) params.set("section", filters.section);
    if (filters.year) params.set("year", filters.year);
    const query = params.toString();
    try {
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    } catch (error) {
      // some browsers refuse to change a file:// address; the search still works
    }
  }

  /** Run the search shortly after typing stops. */
  function soon() {
    clearTimeout(pending);
    pending = setTimeout(run, 120);
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
  if (sectionSelect) sectionSelect.addEventListener("change", run);
  if (yearSelect) yearSelect.addEventListener("change", run);
  more.querySelector("button").addEventListener("click", () => showMore(current));
  run();
  input.focus();
})();
