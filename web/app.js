// polgraph serve: the page. Plain JavaScript, no framework; every value from the store goes
// into the page as text (never as HTML).
"use strict";

const T = {
  vi: {
    "nav.search": "Tìm kiếm", "nav.articles": "Bài báo", "nav.sparql": "SPARQL",
    "footer": "Dữ liệu trích từ báo chí bằng luật; mỗi dữ kiện dẫn về câu chữ trong bài.",
    "search.placeholder": "Tên, hoặc chức vụ và nơi (vd. nguyen van hai, bi thu nghe an)",
    "search.go": "Tìm", "search.none": "Không tìm thấy.", "search.hint": "Gõ tên, hoặc chức vụ và địa phương (bí thư nghệ an, chủ tịch ubnd hà tĩnh), có dấu hay không dấu.",
    "answer": "Người giữ chức {role} tại {place}", "answer.none": "Kho không có ai được nêu giữ chức {role} tại {place}.",
    "kind.person": "người", "kind.body": "cơ quan", "kind.place": "địa phương",
    "article.one": "bài", "article.many": "bài", "posts": "Các chức vụ theo thời gian", "former": "nguyên",
    "stated.on": "nêu ngày {date} trong bài {article}", "stated.in": "nêu trong bài {article}",
    "stated.range": "nêu trong {n} bài, từ {first} đến {last}", "stated.count": "nêu trong {n} bài",
    "since": "từ {date}", "until": "đến {date}", "held": "giữ từ {since} đến {until}",
    "main": "Chức vụ nêu gần nhất", "sources": "Nguồn", "date": "Ngày", "title": "Tiêu đề",
    "same": "Cùng một người (cùng tên, cùng chức vụ), gộp vào trang này", "possibly": "Có thể là cùng một người",
    "download": "Tải về", "why": "luật",
    "stated": "Các bài nói", "mentions": "Các bài nhắc đến", "network": "Mạng lưới",
    "network.show": "Xem mạng lưới", "network.dot": "Mã DOT", "network.depth": "Số bước",
    "network.hint": "Kéo để di chuyển, cuộn để phóng to; bấm một nút để mở trang của nó.",
    "holders": "Người giữ chức vụ", "parent": "Trực thuộc", "parts": "Đơn vị trực thuộc", "place": "Địa bàn",
    "units": "Đơn vị hành chính trong", "bodies": "Cơ quan tại đây", "within": "Thuộc", "empty": "Cơ quan chưa có người giữ chức được nêu",
    "person": "Người", "role": "Chức vụ", "when": "Thời gian", "none": "Không có.",
    "text": "Văn bản", "facts": "Các dữ kiện", "kind": "Loại", "words": "Nguyên văn", "rule": "Luật",
    "notext": "Kho không lưu văn bản bài này (kho dựng trước khi lưu văn bản); nạp lại bài để xem cả bài. Dưới đây là nguyên văn từng dữ kiện.",
    "nosentence": "(nguyên văn; không có văn bản bài)",
    "authors": "Tác giả", "source": "Nguồn",
    "articles.search": "Tìm bài theo tiêu đề hoặc mã", "articles.count": "{n} bài",
    "sparql.run": "Chạy", "name.one": "tên", "name.many": "tên", "row.one": "dòng", "row.many": "dòng", "loading": "Đang tải…", "error": "Lỗi",
    "sparql.about": "Mỗi bài báo là một đồ thị có tên (…/id/article/MÃ); các nhiệm kỳ (người, chức vụ, số bài nêu) ở đồ thị …/id/graph/tenures; các liên kết cùng người ở …/id/graph/identity. Truy vấn không có GRAPH đọc đồ thị mặc định là hợp của mọi đồ thị: một dữ kiện nêu trong nhiều bài ra nhiều dòng, nên dùng SELECT DISTINCT như ví dụ.",
    "org.party": "Đảng", "org.state": "Nhà nước", "org.front": "Mặt trận, đoàn thể", "org.media": "báo chí", "org.other": "khác",
    "f.person": "người", "f.organization": "cơ quan", "f.locality": "địa danh", "f.document": "văn bản", "f.event": "sự kiện", "f.office": "chức vụ",
  },
  en: {
    "nav.search": "Search", "nav.articles": "Articles", "nav.sparql": "SPARQL",
    "footer": "Facts extracted from the press by rules; each one leads back to the words of its article.",
    "search.placeholder": "A name, or a post and a place (e.g. nguyen van hai, bi thu nghe an)",
    "search.go": "Search", "search.none": "Nothing found.", "search.hint": "Type a name, or a post and a place (bí thư nghệ an, chủ tịch ubnd hà tĩnh), with or without tone marks.",
    "answer": "Holders of {role} in {place}", "answer.none": "The store names no holder of {role} in {place}.",
    "kind.person": "person", "kind.body": "body", "kind.place": "place",
    "article.one": "article", "article.many": "articles", "posts": "Posts in time order", "former": "former",
    "stated.on": "stated on {date} in {article}", "stated.in": "stated in {article}",
    "stated.range": "stated in {n} articles, {first} to {last}", "stated.count": "stated in {n} articles",
    "since": "since {date}", "until": "until {date}", "held": "held {since} to {until}",
    "main": "Latest post stated", "sources": "Sources", "date": "Date", "title": "Title",
    "same": "The same person (same name, same post), merged into this page", "possibly": "Possibly the same person",
    "download": "Download", "why": "rule",
    "stated": "Stated in", "mentions": "Articles that name them", "network": "Network",
    "network.show": "Show the network", "network.dot": "DOT source", "network.depth": "Steps",
    "network.hint": "Drag to move, scroll to zoom; click a node to open its page.",
    "holders": "Post holders", "parent": "Part of", "parts": "Sub-bodies", "place": "Jurisdiction",
    "units": "Units within", "bodies": "Bodies here", "within": "Within", "empty": "Bodies with no holder stated",
    "person": "Person", "role": "Post", "when": "When", "none": "None.",
    "text": "Text", "facts": "Facts", "kind": "Kind", "words": "Words", "rule": "Rule",
    "notext": "The store keeps no text of this article (it was built before texts were kept); ingest it again to see it whole. Below are the words of each fact.",
    "nosentence": "(the words only; no article text)",
    "authors": "Authors", "source": "Source",
    "articles.search": "Search articles by title or id", "articles.count": "{n} articles",
    "sparql.run": "Run", "name.one": "name", "name.many": "names", "row.one": "row", "row.many": "rows", "loading": "Loading…", "error": "Error",
    "sparql.about": "Each article is a named graph (…/id/article/ID); the tenures (person, post, number of articles) are in the graph …/id/graph/tenures; the links between IRIs of one person in …/id/graph/identity. A query without GRAPH reads the default graph, the union of all: a fact stated in several articles comes several times, so use SELECT DISTINCT as the example does.",
    "org.party": "party", "org.state": "state", "org.front": "front", "org.media": "media", "org.other": "other",
    "f.person": "person", "f.organization": "body", "f.locality": "place", "f.document": "document", "f.event": "event", "f.office": "post",
    // Levels of units, as the gazetteer writes them.
    "level.tỉnh": "province", "level.thành phố": "city", "level.huyện": "district", "level.quận": "urban district",
    "level.thị xã": "town", "level.thị trấn": "township", "level.xã": "commune", "level.phường": "ward", "level.đặc khu": "special zone",
  },
};

// English glosses of the commonest titles (the page shows the Vietnamese title, the gloss after it).
const GLOSS = {
  "Tổng Bí thư": "General Secretary", "Bí thư": "Secretary", "Phó Bí thư": "Deputy Secretary",
  "Phó Bí thư Thường trực": "Standing Deputy Secretary", "Chủ tịch": "Chair", "Phó Chủ tịch": "Vice Chair",
  "Phó Chủ tịch Thường trực": "Standing Vice Chair", "Ủy viên": "Member", "Trưởng ban": "Head", "Phó Trưởng ban": "Deputy Head",
  "Giám đốc": "Director", "Phó Giám đốc": "Deputy Director", "Thủ tướng": "Prime Minister", "Phó Thủ tướng": "Deputy Prime Minister",
  "Bộ trưởng": "Minister", "Thứ trưởng": "Deputy Minister", "Chủ nhiệm": "Chair", "Phó Chủ nhiệm": "Vice Chair",
  "Đại biểu Quốc hội": "Member of the National Assembly", "Chánh Văn phòng": "Chief of Office", "Tổng Giám đốc": "Director General",
  "Trưởng đoàn": "Head of delegation", "Phó Trưởng đoàn": "Deputy Head of delegation", "Chủ tịch nước": "President",
};

let lang = localStorage.getItem("polgraph.lang") || "vi";
let info = { base: "https://w3id.org/polgraph/id/" };
const t = (k) => (T[lang] && T[lang][k]) || T.vi[k] || k;
// A message with its {slots} filled: tf("since", { date: "2019" }).
const tf = (k, vars) => t(k).replace(/\{(\w+)\}/g, (_, v) => (vars[v] === undefined ? "" : vars[v]));
// "1 article", "2 articles"; Vietnamese has one form.
const count = (n, k) => n + " " + t(k + (n === 1 ? ".one" : ".many"));
const role = (r) => (lang === "en" && GLOSS[r] ? r + " (" + GLOSS[r] + ")" : r);
const level = (l) => (lang === "en" ? T.en["level." + l] || l : l);
// A date as the text gives it: "2019", "2019-02", "2019-02-15" shown as 2019, 2/2019, 15/2/2019.
function day(d) {
  if (!d) return "";
  const [y, m, dd] = d.split("-");
  return [dd && String(+dd), m && String(+m), y].filter(Boolean).join("/");
}

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

// Where an article is cited: its title (a link) and its date.
const cite = (s) => [link(s.path, s.title || s.doc), s.date ? " · " + day(s.date) : ""];

// A statement's evidence: the article, the sentence with its words marked; the rule that read
// it one click away (for whoever checks the extraction, not on every card for every reader).
function evidence(s) {
  const e = s.evidence || {};
  return h("div", { class: "evidence" },
    h("div", { class: "source" }, cite(s),
      e.rule ? h("details", { class: "why" }, h("summary", {}, t("why")), h("code", { class: "rule" }, e.rule)) : null),
    h("blockquote", { class: "sentence" }, e.before || "", h("mark", {}, e.mark || ""), e.after || "",
      e.sentence ? null : h("span", { class: "note" }, " " + t("nosentence"))));
}

// When a post is said to be held: since/until where the text gives them, and when it is stated
// (never "current": a post is stated on a date, in an article).
function heldWhen(p) {
  const parts = [];
  if (p.since && p.until) parts.push(tf("held", { since: day(p.since), until: day(p.until) }));
  else if (p.since) parts.push(tf("since", { date: day(p.since) }));
  else if (p.until) parts.push(tf("until", { date: day(p.until) }));
  const one = (p.statements || [])[0];
  if (p.articles === 1 && one) {
    const art = one.title || one.doc;
    parts.push(one.date ? tf("stated.on", { date: day(one.date), article: art }) : tf("stated.in", { article: art }));
  } else if (p.first_stated && p.last_stated && p.first_stated !== p.last_stated) {
    parts.push(tf("stated.range", { n: p.articles, first: day(p.first_stated), last: day(p.last_stated) }));
  } else if (p.first_stated) {
    parts.push(tf("stated.on", { date: day(p.first_stated), article: count(p.articles, "article") }));
  } else {
    parts.push(tf("stated.count", { n: p.articles }));
  }
  return parts.join(" · ");
}

function holdersAnswer(a) {
  const place = a.label;
  if (!a.holders.length) return h("div", { class: "answer", id: "answer" }, h("p", {}, tf("answer.none", { role: role(a.role), place })));
  return h("div", { class: "answer", id: "answer" },
    h("h2", {}, tf("answer", { role: role(a.role), place: "" }), link(a.path, place)),
    h("ul", { class: "plain holders" }, a.holders.map((x) => h("li", {},
      h("div", { class: "post-title" }, link(x.path, x.name), " · ", role(x.role), " · ", link(x.org_path, x.organization)),
      h("div", { class: "dates" }, heldWhen({ ...x, statements: x.statement ? [x.statement] : [] })),
      x.statement ? evidence(x.statement) : null))));
}

// The views of one render: `show` is that render's, which draws nothing once a later render
// has begun (a slow page that answers after the reader moved on must not cover the new one).
function views(show) {
  return {
    async search(params) {
      const q = params.get("q") || "";
      const input = h("input", { type: "search", id: "q", name: "q", value: q, placeholder: t("search.placeholder"), autocomplete: "off", autofocus: true });
      const list = h("ul", { class: "hits", id: "hits" });
      const answer = h("div", {});
      const note = h("p", { class: "note" }, t("search.hint"));
      let seq = 0;
      async function run(text) {
        const mine = ++seq;
        // The search in the address: Back from a page comes back to it.
        history.replaceState(null, "", "#/search" + (text.trim() ? "?q=" + encodeURIComponent(text) : ""));
        if (!text.trim()) { list.replaceChildren(); answer.replaceChildren(); note.textContent = t("search.hint"); return; }
        const r = await api("search", { q: text, limit: 30 });
        if (mine !== seq) return;
        note.textContent = r.hits.length || r.answer ? "" : t("search.none");
        answer.replaceChildren(r.answer ? holdersAnswer(r.answer) : "");
        list.replaceChildren(...r.hits.map((hit) => h("li", {},
          h("a", { class: "hit", href: route(hit.path) || "#/search" },
            h("span", { class: "label" }, hit.label), " ",
            h("span", { class: "badge" }, t("kind." + hit.kind)), " ",
            hit.scope ? h("span", { class: "scope" }, hit.scope) : null,
            h("span", { class: "note" }, " · " + count(hit.articles, "article"))))));
      }
      let timer;
      input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 150); });
      const form = h("form", { class: "search", role: "search", onsubmit: (ev) => { ev.preventDefault(); run(input.value); } },
        input, h("button", { type: "submit", class: "primary" }, t("search.go")));
      show(form, note, answer, list);
      input.focus();
      if (q) await run(q);
    },

    async articles(params) {
      const q = params.get("q") || "";
      const input = h("input", { type: "search", id: "aq", value: q, placeholder: t("articles.search"), autocomplete: "off" });
      const out = h("div", {});
      let seq = 0;
      async function run(text) {
        const mine = ++seq;
        history.replaceState(null, "", "#/articles" + (text.trim() ? "?q=" + encodeURIComponent(text) : ""));
        const r = await api("articles", { q: text, limit: 100 });
        if (mine !== seq) return;
        out.replaceChildren(h("p", { class: "note" }, tf("articles.count", { n: r.total })),
          h("div", { class: "table-wrap" }, h("table", { id: "article-list" },
            h("tr", {}, h("th", {}, t("date")), h("th", {}, t("title"))),
            r.articles.map((a) => h("tr", {}, h("td", { class: "nowrap" }, day(a.date)), h("td", {}, link(a.path, a.title || a.doc)))))));
      }
      let timer;
      input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 150); });
      show(h("h1", {}, t("nav.articles")),
        h("form", { class: "search", role: "search", onsubmit: (ev) => { ev.preventDefault(); run(input.value); } }, input,
          h("button", { type: "submit", class: "primary" }, t("search.go"))), out);
      await run(q);
    },

    async person(_, iri) {
      const p = await api("person", { iri });
      const posts = p.posts.length ? h("ol", { class: "timeline", id: "timeline" }, p.posts.map((post) => h("li", { class: post.former ? "former" : "stated" },
        h("div", { class: "post-title" }, role(post.role), " · ", link(post.org_path, post.organization), " ",
          post.former ? h("span", { class: "badge former" }, t("former")) : null),
        h("div", { class: "dates" }, heldWhen(post)),
        post.statements.map(evidence)))) : h("p", {}, t("none"));
      const people = (list) => h("ul", { class: "plain" }, list.map((x) => h("li", {}, link(x.path, x.name || x.path), x.scope ? " · " + x.scope : "")));
      const rdf = "/id/" + p.path + ".ttl";
      show(
        h("div", { class: "card", id: "summary" },
          h("h1", {}, p.name),
          h("p", { class: "sub" }, p.scope || ""),
          p.main ? h("p", { class: "main-post" }, h("strong", {}, t("main") + ": "), role(p.main.role), " · ", link(p.main.org_path, p.main.organization),
            h("span", { class: "note" }, " (" + heldWhen(p.main) + ")")) : null,
          h("p", { class: "downloads" }, t("download") + ": ",
            h("a", { href: "/api/person?" + new URLSearchParams({ iri }), download: p.path.replace(/\//g, "_") + ".json" }, "JSON"), " · ",
            h("a", { href: rdf, download: p.path.replace(/\//g, "_") + ".ttl" }, "RDF (Turtle)"))),
        p.same.length ? h("div", { class: "identity", id: "same" }, h("h2", {}, t("same")), people(p.same)) : null,
        p.possibly.length ? h("div", { class: "identity", id: "possibly" }, h("h2", {}, t("possibly")), people(p.possibly)) : null,
        h("h2", {}, t("posts")), posts,
        h("h2", {}, t("mentions")), p.mentions.length ? p.mentions.map(evidence) : h("p", {}, t("none")),
        h("h2", {}, t("sources")), h("div", { class: "table-wrap" }, h("table", { id: "sources" },
          h("tr", {}, h("th", {}, t("date")), h("th", {}, t("title"))),
          p.sources.map((s) => h("tr", {}, h("td", { class: "nowrap" }, day(s.date)), h("td", {}, link(s.path, s.title || s.doc)))))),
        h("h2", {}, t("network")), graphBox(iri));
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
        h("h2", {}, t("network")), graphBox(iri));
    },

    async place(_, iri) {
      const p = await api("place", { iri });
      const full = p.bodies.filter((b) => b.holders.length);
      const empty = p.bodies.filter((b) => !b.holders.length);
      show(
        h("h1", {}, p.label),
        h("p", { class: "sub" }, h("span", { class: "badge" }, level(p.level)), " ", p.scope || "",
          p.parents.length ? [" · " + t("within") + ": ", p.parents.map((x, i) => [i ? ", " : "", link(x.path, x.label)])] : null),
        h("h2", {}, t("bodies")),
        full.length ? h("div", { id: "bodies" }, full.map((b) => h("div", { class: "body" }, h("h3", {}, link(b.path, b.label), " ", h("span", { class: "badge" }, t("org." + b.kind))), holders(b.holders, false)))) : h("p", {}, t("none")),
        empty.length ? h("details", { class: "empty-bodies" }, h("summary", {}, t("empty") + " (" + empty.length + ")"), nodeList(empty)) : null,
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
        h("p", { class: "sub" }, [day(a.date), a.source, a.authors.length ? t("authors") + ": " + a.authors.join(", ") : null].filter(Boolean).join(" · "),
          /^https?:\/\//i.test(a.page || "") ? [" · ", h("a", { href: a.page, rel: "noreferrer noopener" }, t("source"))] : null),
        legend, body,
        h("h2", {}, t("facts")),
        h("div", { class: "table-wrap" }, h("table", { class: "facts" },
          h("tr", {}, h("th", {}, t("kind")), h("th", {}, t("facts")), h("th", {}, t("words")), h("th", {}, t("rule"))),
          a.facts.map((f) => h("tr", {}, h("td", {}, t("f." + f.kind)), h("td", {}, link(f.path, f.label)), h("td", {}, f.surface), h("td", { class: "rule" }, f.rule))))));
    },

    async sparql() {
      const area = h("textarea", { id: "sparql-text", spellcheck: "false" },
        localStorage.getItem("polgraph.sparql") ||
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nPREFIX pg: <https://w3id.org/polgraph/ontology#>\n# DISTINCT: the default graph is the union of the article graphs, a fact comes once an article.\nSELECT DISTINCT ?person ?name WHERE {\n  ?m pg:refersTo ?person .\n  ?person foaf:name ?name .\n}\nORDER BY ?name LIMIT 20");
      const out = h("div", { id: "sparql-out" });
      // The answer shown is the last query's: an earlier one that answers later is dropped.
      let seq = 0;
      async function run() {
        const mine = ++seq;
        localStorage.setItem("polgraph.sparql", area.value);
        out.replaceChildren(h("p", { class: "note" }, t("loading")));
        let r, j;
        try {
          r = await fetch("/sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: area.value });
          if (!r.ok) {
            const why = await r.text();
            if (mine === seq) out.replaceChildren(h("p", { class: "error" }, t("error") + " " + r.status + ": " + why));
            return;
          }
          j = await r.json();
        } catch (e) {
          if (mine === seq) out.replaceChildren(h("p", { class: "error" }, t("error") + ": " + e.message));
          return;
        }
        if (mine !== seq) return;
        if (j.boolean !== undefined) { out.replaceChildren(h("p", {}, String(j.boolean))); return; }
        const vars = j.head.vars;
        const cell = (b) => !b ? "" : b.type === "uri" ? link(b.value.startsWith(info.base) ? b.value.slice(info.base.length) : null, b.value) : b.value;
        out.replaceChildren(h("p", { class: "note" }, count(j.results.bindings.length, "row")),
          h("div", { class: "table-wrap" }, h("table", {}, h("tr", {}, vars.map((v) => h("th", {}, v))),
            j.results.bindings.map((row) => h("tr", {}, vars.map((v) => h("td", {}, cell(row[v]))))))));
      }
      show(h("h1", {}, "SPARQL"), h("p", { class: "note", id: "sparql-about" }, t("sparql.about")), area,
        h("p", {}, h("button", { type: "button", class: "primary", id: "sparql-run", onclick: run }, t("sparql.run"))), out);
    },
  };
}

function holders(list, withFormer) {
  if (!list.length) return h("p", {}, t("none"));
  return h("div", { class: "table-wrap" }, h("table", {},
    h("tr", {}, h("th", {}, t("person")), h("th", {}, t("role")), h("th", {}, t("when")), h("th", {}, t("article.many"))),
    list.map((x) => h("tr", {}, h("td", {}, link(x.path, x.name)),
      h("td", {}, role(x.role), withFormer && x.former ? [" ", h("span", { class: "badge former" }, t("former"))] : null),
      h("td", {}, heldWhen({ ...x, statements: x.articles === 1 && x.last_doc ? [{ doc: x.last_doc, date: x.last_stated }] : [] })),
      h("td", {}, x.articles)))));
}

function nodeList(list) {
  if (!list.length) return h("p", {}, t("none"));
  // A body's kind (party, state...) in the page's language; a unit's level as the gazetteer says it.
  return h("ul", { class: "plain" }, list.map((x) => h("li", {}, link(x.path, x.label), " ", h("span", { class: "badge" }, T.vi["org." + x.kind] ? t("org." + x.kind) : level(x.kind)))));
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

// The network box: a button, then the picture with the depth the reader picks.
function graphBox(iri) {
  const box = h("div", { class: "graph" });
  box.append(h("button", { type: "button", id: "network-show", onclick: () => drawGraph(box, iri, 1) }, t("network.show")));
  return box;
}

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// A force layout (springs on links, repulsion between nodes), a fixed number of steps from a
// fixed start: the same picture each time for the same network.
function layout(nodes, links) {
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const a = (i / Math.max(n, 1)) * 2 * Math.PI * 7;
    const r = d.seed ? 0 : 40 + 6 * i;
    d.x = Math.cos(a) * r; d.y = Math.sin(a) * r; d.vx = 0; d.vy = 0;
  });
  const steps = n > 150 ? 200 : 300;
  for (let step = 0; step < steps; step++) {
    const heat = 1 - step / steps;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy || 1;
      if (d2 > 250000) continue;
      const f = 1800 / d2;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const l of links) {
      const a = nodes[l.source], b = nodes[l.target];
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 90) * 0.02;
      a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
    }
    for (const d of nodes) {
      if (d.seed) { d.x = 0; d.y = 0; continue; }
      d.x += Math.max(-30, Math.min(30, d.vx * heat)); d.y += Math.max(-30, Math.min(30, d.vy * heat));
      d.vx *= 0.5; d.vy *= 0.5;
    }
  }
}

// A box draws the answer to the last depth asked for: an earlier, slower answer is dropped.
async function drawGraph(box, iri, depth) {
  const mine = box.drawn = (box.drawn || 0) + 1;
  box.replaceChildren(h("p", { class: "note" }, t("loading")));
  try {
    const g = await api("graph", { iri, depth, lang });
    if (mine !== box.drawn) return;
    const { nodes, links } = g.picture;
    layout(nodes, links);
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    const pad = 80;
    let view = { x: Math.min(...xs) - pad, y: Math.min(...ys) - pad, w: Math.max(...xs) - Math.min(...xs) + 2 * pad, h: Math.max(...ys) - Math.min(...ys) + 2 * pad };
    const svg = s("svg", { class: "network", id: "network", role: "img", "aria-label": t("network") });
    const setView = () => svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    setView();
    for (const l of links) {
      const a = nodes[l.source], b = nodes[l.target];
      svg.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "link" + (l.former ? " former" : "") }, s("title", {}, l.role || "")));
    }
    nodes.forEach((d) => {
      const label = d.hub ? d.label + " (" + d.hub + ")" : d.label;
      const g = s("a", { href: route(d.path) || "#", class: "node k-" + d.kind + (d.seed ? " seed" : "") + (d.hub ? " hub" : "") },
        s("circle", { cx: d.x, cy: d.y, r: d.seed ? 14 : d.hub ? 11 : 7 }),
        s("text", { x: d.x + (d.seed ? 17 : 10), y: d.y + 4 }, label),
        s("title", {}, label));
      svg.append(g);
    });
    // Pan (drag) and zoom (wheel), on the view box.
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => { if (ev.target.closest("a")) return; drag = { x: ev.clientX, y: ev.clientY, v: { ...view } }; svg.setPointerCapture(ev.pointerId); });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const k = view.w / svg.clientWidth;
      view.x = drag.v.x - (ev.clientX - drag.x) * k; view.y = drag.v.y - (ev.clientY - drag.y) * k; setView();
    });
    svg.addEventListener("pointerup", () => { drag = null; });
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const k = ev.deltaY > 0 ? 1.2 : 1 / 1.2;
      const r = svg.getBoundingClientRect();
      const px = view.x + ((ev.clientX - r.left) / r.width) * view.w, py = view.y + ((ev.clientY - r.top) / r.height) * view.h;
      view = { x: px - (px - view.x) * k, y: py - (py - view.y) * k, w: view.w * k, h: view.h * k }; setView();
    }, { passive: false });
    const picker = h("select", { id: "network-depth", onchange: (ev) => drawGraph(box, iri, +ev.target.value) },
      [1, 2, 3].map((d) => h("option", { value: d, selected: d === g.depth }, String(d))));
    const dot = h("details", {}, h("summary", {}, t("network.dot")), h("pre", {}, g.dot));
    box.replaceChildren(h("p", { class: "graph-bar" }, h("label", {}, t("network.depth") + " ", picker), " ",
      h("span", { class: "note" }, nodes.length + " · " + t("network.hint"))), svg, dot);
  } catch (e) {
    if (mine === box.drawn) box.replaceChildren(h("p", { class: "error" }, t("error") + ": " + e.message));
  }
}

function counts() {
  if (info.names !== undefined) document.getElementById("counts").textContent = "· " + count(info.names, "name");
}

let renders = 0;

async function render() {
  const hash = location.hash.replace(/^#\/?/, "") || "search";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const slash = path.indexOf("/");
  const page = slash < 0 ? path : path.slice(0, slash);
  const rest = slash < 0 ? "" : path.slice(slash + 1);
  const mine = ++renders;
  const v = views((...nodes) => { if (mine === renders) show(...nodes); });
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
  document.getElementById("lang").textContent = lang === "vi" ? "EN" : "VI";
  const view = v[page];
  if (!view) { show(h("p", { class: "error" }, "#/" + page)); return; }
  if (page !== "search" && page !== "sparql" && page !== "articles") show(h("p", { class: "note" }, t("loading")));
  try {
    await view(params, PAGES[page] ? info.base + PAGES[page] + rest : rest);
  } catch (e) {
    if (mine === renders) show(h("p", { class: "error" }, t("error") + ": " + e.message));
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    localStorage.setItem("polgraph.lang", lang);
    counts();
    render();
  });
  try {
    info = await api("info", {});
    counts();
  } catch (e) { /* the pages say what fails */ }
  window.addEventListener("hashchange", render);
  render();
});
