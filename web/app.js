// polgraph serve: the page. Plain JavaScript, no framework; every value from the store goes
// into the page as text (never as HTML).
"use strict";

const T = {
  vi: {
    "nav.search": "Tìm kiếm", "nav.sparql": "SPARQL",
    "footer": "Dữ liệu trích từ báo chí bằng luật; mỗi dữ kiện dẫn về câu chữ trong bài.",
    "search.placeholder": "Tên người, cơ quan, địa phương (vd. nguyen van hai)",
    "search.go": "Tìm", "search.none": "Không tìm thấy.", "search.hint": "Gõ tên, có dấu hay không dấu.",
    "kind.person": "người", "kind.body": "cơ quan", "kind.place": "địa phương",
    "articles": "bài", "posts": "Chức vụ", "current": "đương nhiệm", "former": "nguyên",
    "stated": "Các bài nói", "mentions": "Các bài nhắc đến", "network": "Mạng lưới",
    "network.show": "Xem mạng lưới", "network.dot": "Mã DOT", "network.nodot": "Máy chủ không có GraphViz (dot): đây là mã DOT.",
    "holders": "Người giữ chức vụ", "parent": "Trực thuộc", "parts": "Đơn vị trực thuộc", "place": "Địa bàn",
    "units": "Đơn vị hành chính trong", "bodies": "Cơ quan tại đây", "within": "Thuộc",
    "person": "Người", "role": "Chức vụ", "from": "Từ", "to": "Đến", "none": "Không có.",
    "text": "Văn bản", "facts": "Các dữ kiện", "kind": "Loại", "words": "Nguyên văn", "rule": "Luật",
    "notext": "Kho không lưu văn bản bài này (kho dựng trước khi lưu văn bản); nạp lại bài để xem cả bài. Dưới đây là nguyên văn từng dữ kiện.",
    "nosentence": "(nguyên văn; không có văn bản bài)",
    "authors": "Tác giả", "source": "Nguồn",
    "sparql.run": "Chạy", "names": "tên", "sparql.rows": "dòng", "loading": "Đang tải…", "error": "Lỗi",
    "org.party": "Đảng", "org.state": "Nhà nước", "org.front": "Mặt trận, đoàn thể", "org.media": "báo chí", "org.other": "khác",
    "f.person": "người", "f.organization": "cơ quan", "f.locality": "địa danh", "f.document": "văn bản", "f.event": "sự kiện", "f.office": "chức vụ",
  },
  en: {
    "nav.search": "Search", "nav.sparql": "SPARQL",
    "footer": "Facts extracted from the press by rules; each one leads back to the words of its article.",
    "search.placeholder": "A person, body or place (e.g. nguyen van hai)",
    "search.go": "Search", "search.none": "Nothing found.", "search.hint": "Type a name, with or without tone marks.",
    "kind.person": "person", "kind.body": "body", "kind.place": "place",
    "articles": "articles", "posts": "Posts", "current": "current", "former": "former",
    "stated": "Stated in", "mentions": "Articles that name them", "network": "Network",
    "network.show": "Show the network", "network.dot": "DOT source", "network.nodot": "The server has no GraphViz (dot): here is the DOT source.",
    "holders": "Post holders", "parent": "Part of", "parts": "Sub-bodies", "place": "Jurisdiction",
    "units": "Units within", "bodies": "Bodies here", "within": "Within",
    "person": "Person", "role": "Post", "from": "From", "to": "To", "none": "None.",
    "text": "Text", "facts": "Facts", "kind": "Kind", "words": "Words", "rule": "Rule",
    "notext": "The store keeps no text of this article (it was built before texts were kept); ingest it again to see it whole. Below are the words of each fact.",
    "nosentence": "(the words only; no article text)",
    "authors": "Authors", "source": "Source",
    "sparql.run": "Run", "names": "names", "sparql.rows": "rows", "loading": "Loading…", "error": "Error",
    "org.party": "party", "org.state": "state", "org.front": "front", "org.media": "media", "org.other": "other",
    "f.person": "person", "f.organization": "body", "f.locality": "place", "f.document": "document", "f.event": "event", "f.office": "post",
  },
};

let lang = localStorage.getItem("polgraph.lang") || "vi";
let info = { base: "https://w3id.org/polgraph/id/" };
const t = (k) => (T[lang] && T[lang][k]) || T.vi[k] || k;

// An element: h("a", {href: "#/x", class: "y"}, "text", child...). Strings become text nodes.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const main = () => document.getElementById("main");
function show(...nodes) {
  main().replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
}

async function api(name, params) {
  const r = await fetch("/api/" + name + "?" + new URLSearchParams(params), { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error((await r.text()).trim() || r.status);
  return r.json();
}

// Page addresses carry the IRI less the id base: #/person/ha-tinh/nguyen-van-hai-2714b1.
const PAGES = { person: "person/", body: "org/", place: "place/", article: "article/" };
function route(path) {
  if (!path) return null;
  for (const [page, prefix] of Object.entries(PAGES)) {
    if (path.startsWith(prefix)) return "#/" + page + "/" + path.slice(prefix.length);
  }
  return null;
}
const link = (path, label) => { const r = route(path); return r ? h("a", { href: r }, label) : label; };
const dates = (a, b) => (a && b && a !== b ? a + " – " + b : a || b || "");

function evidence(s) {
  const e = s.evidence || {};
  return h("div", { class: "evidence" },
    h("div", { class: "source" },
      link(s.path, s.title || s.doc), s.date ? " · " + s.date : "", " · ", h("span", { class: "rule" }, e.rule || "")),
    h("blockquote", { class: "sentence" }, e.before || "", h("mark", {}, e.mark || ""), e.after || "",
      e.sentence ? null : h("span", { class: "note" }, " " + t("nosentence"))));
}

function views() {
  return {
    async search(params) {
      const q = params.get("q") || "";
      const input = h("input", { type: "search", id: "q", name: "q", value: q, placeholder: t("search.placeholder"), autocomplete: "off", autofocus: true });
      const list = h("ul", { class: "hits", id: "hits" });
      const note = h("p", { class: "note" }, t("search.hint"));
      let seq = 0;
      async function run(text) {
        const mine = ++seq;
        if (!text.trim()) { list.replaceChildren(); note.textContent = t("search.hint"); return; }
        const r = await api("search", { q: text, limit: 30 });
        if (mine !== seq) return;
        note.textContent = r.hits.length ? "" : t("search.none");
        list.replaceChildren(...r.hits.map((hit) => h("li", {},
          h("a", { class: "hit", href: route(hit.path) || "#/search" },
            h("span", { class: "label" }, hit.label), " ",
            h("span", { class: "badge" }, t("kind." + hit.kind)), " ",
            hit.scope ? h("span", { class: "scope" }, hit.scope) : null,
            h("span", { class: "note" }, " · " + hit.articles + " " + t("articles"))))));
      }
      let timer;
      input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 120); });
      const form = h("form", { class: "search", role: "search", onsubmit: (ev) => {
        ev.preventDefault();
        history.replaceState(null, "", "#/search?q=" + encodeURIComponent(input.value));
        run(input.value);
      } }, input, h("button", { type: "submit", class: "primary" }, t("search.go")));
      show(form, note, list);
      input.focus();
      if (q) await run(q);
    },

    async person(_, iri) {
      const p = await api("person", { iri });
      const posts = p.posts.length ? h("ol", { class: "timeline" }, p.posts.map((post) => h("li", { class: post.former ? "former" : "current" },
        h("div", { class: "post-title" }, post.role, " · ", link(post.org_path, post.organization), " ",
          h("span", { class: "badge " + (post.former ? "former" : "current") }, t(post.former ? "former" : "current"))),
        h("div", { class: "dates" }, dates(post.first_stated, post.last_stated), " · ", post.articles + " " + t("articles")),
        post.statements.map(evidence)))) : h("p", {}, t("none"));
      const graph = h("div", { class: "graph" }, h("button", { type: "button", onclick: () => drawGraph(graph, iri) }, t("network.show")));
      show(
        h("h1", {}, p.name),
        h("p", { class: "sub" }, p.scope || ""),
        h("h2", {}, t("posts")), posts,
        h("h2", {}, t("mentions")), p.mentions.length ? p.mentions.map(evidence) : h("p", {}, t("none")),
        h("h2", {}, t("network")), graph);
    },

    async body(_, iri) {
      const b = await api("body", { iri });
      show(
        h("h1", {}, b.label),
        h("p", { class: "sub" }, h("span", { class: "badge" }, t("org." + b.kind)), " ", b.scope || "",
          b.place ? [" · " + t("place") + ": ", link(b.place.path, b.place.label)] : null),
        b.parents.length ? h("p", {}, t("parent") + ": ", b.parents.map((x, i) => [i ? ", " : "", link(x.path, x.label)])) : null,
        h("h2", {}, t("holders")), holders(b.holders, true),
        h("h2", {}, t("parts")), nodeList(b.parts),
        h("h2", {}, t("network")), (() => { const g = h("div", { class: "graph" }); g.append(h("button", { type: "button", onclick: () => drawGraph(g, iri) }, t("network.show"))); return g; })());
    },

    async place(_, iri) {
      const p = await api("place", { iri });
      show(
        h("h1", {}, p.label),
        h("p", { class: "sub" }, h("span", { class: "badge" }, p.level), " ", p.scope || "",
          p.parents.length ? [" · " + t("within") + ": ", p.parents.map((x, i) => [i ? ", " : "", link(x.path, x.label)])] : null),
        h("h2", {}, t("bodies")),
        p.bodies.length ? p.bodies.map((b) => h("div", {}, h("h3", {}, link(b.path, b.label), " ", h("span", { class: "badge" }, t("org." + b.kind))), holders(b.holders, false))) : h("p", {}, t("none")),
        h("h2", {}, t("units")), nodeList(p.parts));
    },

    async article(_, iri) {
      const a = await api("article", { iri });
      const kinds = ["person", "organization", "locality", "document", "event", "office"];
      const legend = h("p", { class: "legend" }, kinds.map((k) => h("span", { class: k === "office" ? "ent office" : "ent k-" + k }, t("f." + k))));
      const body = a.text
        ? h("div", { class: "article-text", id: "article-text" }, marked(a.text, a.facts))
        : h("div", {}, h("p", { class: "note" }, t("notext")),
          a.fragments.map((f) => h("div", { class: "fragment article-text" }, marked(f.segments, a.facts))));
      show(
        h("h1", {}, a.title || a.doc),
        h("p", { class: "sub" }, [a.date, a.source, a.authors.length ? t("authors") + ": " + a.authors.join(", ") : null].filter(Boolean).join(" · "),
          /^https?:\/\//i.test(a.page || "") ? [" · ", h("a", { href: a.page, rel: "noreferrer noopener" }, t("source"))] : null),
        legend, body,
        h("h2", {}, t("facts")),
        h("div", { class: "table-wrap" }, h("table", {},
          h("tr", {}, h("th", {}, t("kind")), h("th", {}, t("facts")), h("th", {}, t("words")), h("th", {}, t("rule"))),
          a.facts.map((f) => h("tr", {}, h("td", {}, t("f." + f.kind)), h("td", {}, link(f.path, f.label)), h("td", {}, f.surface), h("td", { class: "rule" }, f.rule))))));
    },

    async sparql() {
      const area = h("textarea", { id: "sparql-text", spellcheck: "false" },
        localStorage.getItem("polgraph.sparql") ||
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?person (COUNT(*) AS ?mentions) WHERE {\n  ?m <https://w3id.org/polgraph/ontology#refersTo> ?p .\n  ?p foaf:name ?person .\n}\nGROUP BY ?person ORDER BY DESC(?mentions) LIMIT 20");
      const out = h("div", { id: "sparql-out" });
      async function run() {
        localStorage.setItem("polgraph.sparql", area.value);
        out.replaceChildren(h("p", { class: "note" }, t("loading")));
        const r = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: area.value });
        if (!r.ok) { out.replaceChildren(h("p", { class: "error" }, t("error") + " " + r.status + ": " + (await r.text()))); return; }
        const j = await r.json();
        if (j.boolean !== undefined) { out.replaceChildren(h("p", {}, String(j.boolean))); return; }
        const vars = j.head.vars;
        const cell = (b) => !b ? "" : b.type === "uri" ? link(b.value.startsWith(info.base) ? b.value.slice(info.base.length) : null, b.value) : b.value;
        out.replaceChildren(h("p", { class: "note" }, j.results.bindings.length + " " + t("sparql.rows")),
          h("div", { class: "table-wrap" }, h("table", {}, h("tr", {}, vars.map((v) => h("th", {}, v))),
            j.results.bindings.map((row) => h("tr", {}, vars.map((v) => h("td", {}, cell(row[v]))))))));
      }
      show(h("h1", {}, "SPARQL"), area, h("p", {}, h("button", { type: "button", class: "primary", id: "sparql-run", onclick: run }, t("sparql.run"))), out);
    },
  };
}

function holders(list, withFormer) {
  if (!list.length) return h("p", {}, t("none"));
  return h("div", { class: "table-wrap" }, h("table", {},
    h("tr", {}, h("th", {}, t("person")), h("th", {}, t("role")), h("th", {}, t("from")), h("th", {}, t("to")), h("th", {}, t("articles"))),
    list.map((x) => h("tr", {}, h("td", {}, link(x.path, x.name)),
      h("td", {}, x.role, withFormer && x.former ? [" ", h("span", { class: "badge former" }, t("former"))] : null),
      h("td", {}, x.first_stated || ""), h("td", {}, x.last_stated || ""), h("td", {}, x.articles)))));
}

function nodeList(list) {
  if (!list.length) return h("p", {}, t("none"));
  // A body's kind (party, state...) in the page's language; a unit's level as the gazetteer says it.
  return h("ul", { class: "plain" }, list.map((x) => h("li", {}, link(x.path, x.label), " ", h("span", { class: "badge" }, T.vi["org." + x.kind] ? t("org." + x.kind) : x.kind))));
}

// The text's runs, each fact marked by kind as displaCy does: a mention coloured by its kind
// (the innermost one, where they nest), a post held underlined, a tag after each fact's end.
function marked(segments, facts) {
  const ends = new Map();
  segments.forEach((s, i) => s.facts.forEach((f) => ends.set(f, i)));
  return segments.map((s, i) => {
    if (!s.facts.length) return s.text;
    const fs = s.facts.map((f) => facts[f]);
    const mention = fs.filter((f) => f.kind !== "office").sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    const office = fs.some((f) => f.kind === "office");
    const cls = ["ent", mention ? "k-" + mention.kind : null, office ? "office" : null].filter(Boolean).join(" ");
    const title = fs.map((f) => t("f." + f.kind) + ": " + f.label).join("\n");
    const kinds = new Set(s.facts.filter((f) => ends.get(f) === i && facts[f].kind !== "office").map((f) => facts[f].kind));
    const tags = [...kinds].map((k) => h("span", { class: "tag" }, t("f." + k)));
    return h("span", { class: cls, title }, s.text, tags);
  });
}

async function drawGraph(box, iri) {
  box.replaceChildren(h("p", { class: "note" }, t("loading")));
  try {
    const g = await api("graph", { iri, depth: 2, lang });
    const dot = h("details", {}, h("summary", {}, t("network.dot")), h("pre", {}, g.dot));
    if (g.svg) {
      // As a picture (never inline): nothing in it can run.
      const url = URL.createObjectURL(new Blob([g.svg], { type: "image/svg+xml" }));
      box.replaceChildren(h("a", { href: url, target: "_blank" }, h("img", { src: url, alt: t("network") })), dot);
    } else {
      box.replaceChildren(h("p", { class: "note" }, t("network.nodot")), dot);
      dot.open = true;
    }
  } catch (e) {
    box.replaceChildren(h("p", { class: "error" }, t("error") + ": " + e.message));
  }
}

async function render() {
  const hash = location.hash.replace(/^#\/?/, "") || "search";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const slash = path.indexOf("/");
  const page = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? "" : path.slice(slash + 1);
  const v = views();
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
  document.getElementById("lang").textContent = lang === "vi" ? "EN" : "VI";
  const view = v[page];
  if (!view) { show(h("p", { class: "error" }, "#/" + page)); return; }
  if (page !== "search" && page !== "sparql") show(h("p", { class: "note" }, t("loading")));
  try {
    await view(params, PAGES[page] ? info.base + PAGES[page] + rest : rest);
  } catch (e) {
    show(h("p", { class: "error" }, t("error") + ": " + e.message));
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    localStorage.setItem("polgraph.lang", lang);
    render();
  });
  try {
    info = await api("info", {});
    document.getElementById("counts").textContent = "· " + info.names + " " + t("names");
  } catch (e) { /* the pages say what fails */ }
  window.addEventListener("hashchange", render);
  render();
});
