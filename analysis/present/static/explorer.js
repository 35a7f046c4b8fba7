// The explorer's view (anywidget ESM, shipped inside the package: no CDN, works offline).
// Python computes every pane (escaped HTML) from the `actor` and `term` traits; this file draws
// them and turns clicks and typing into trait changes.
const PANES = [
  ["quotes", "Quotes (joint ones included)"],
  ["mentions", "Mentions"],
  ["timeline", "Dated events"],
  ["cooccurring", "Co-occurring actors"],
  ["kwic", "Term in context"],
  ["dispersion", "Term through the story"],
];

function node(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function render({ model, el }) {
  const root = node("div", "wb-explorer");
  const head = node("div", "wb-x-head");
  const title = node("div", "wb-x-title");
  const status = node("div", "wb-x-status");
  head.append(title, status);

  const side = node("div", "wb-x-side");
  side.append(node("div", "wb-x-label", "Actors by mentions (click to select)"));
  const bars = node("div", "wb-x-bars");
  const termLabel = node("label", "wb-x-label", "Term ");
  const input = node("input", "wb-x-term");
  input.type = "search";
  input.placeholder = "e.g. a frequent term";
  const listId = "wb-x-terms-" + Math.random().toString(36).slice(2);
  const datalist = node("datalist");
  datalist.id = listId;
  input.setAttribute("list", listId);
  termLabel.append(input, datalist);
  side.append(bars, termLabel);

  const text = node("div", "wb-x-text");
  const main = node("div", "wb-x-main");
  main.append(side, text);

  const panes = node("div", "wb-x-panes");
  const paneBodies = {};
  for (const [key, label] of PANES) {
    const box = node("section", "wb-x-pane wb-x-pane-" + key);
    box.append(node("h4", "", label));
    paneBodies[key] = node("div", "wb-x-pane-body");
    box.append(paneBodies[key]);
    panes.append(box);
  }
  root.append(head, main, panes);
  el.append(root);

  function select(actor) {
    model.set("actor", model.get("actor") === actor ? "" : actor);
    model.save_changes();
  }

  function drawBars() {
    bars.replaceChildren();
    const rows = model.get("actors") || [];
    const top = Math.max(1, ...rows.map((r) => r.mentions));
    const current = model.get("actor");
    for (const r of rows) {
      const row = node("div", "wb-x-bar" + (r.actor === current ? " selected" : ""));
      row.dataset.actor = r.actor;
      row.title = `${r.actor} (${r.type}): ${r.mentions} mentions, ${r.quotes} quotes`;
      const name = node("span", "wb-x-name", r.actor);
      const track = node("span", "wb-x-track");
      const fill = node("span", "wb-x-fill");
      fill.style.width = (100 * r.mentions) / top + "%";
      fill.style.background = r.colour;
      track.append(fill);
      const n = node("span", "wb-x-n", String(r.mentions));
      row.append(name, track, n);
      row.addEventListener("click", () => select(r.actor));
      bars.append(row);
    }
  }

  function drawTerms() {
    datalist.replaceChildren(...(model.get("terms") || []).map((t) => {
      const o = node("option");
      o.value = t;
      return o;
    }));
    if (document.activeElement !== input) input.value = model.get("term");
  }

  function drawPanes() {
    const html = model.get("panes_html") || {};
    for (const [key] of PANES) paneBodies[key].innerHTML = html[key] || "";  // escaped by Python
    text.innerHTML = model.get("text_html");  // escaped by Python (analysis.present.markup.highlight)
    status.textContent = model.get("status");
    title.textContent = model.get("title");
    const first = text.querySelector("span.sel") || text.querySelector("span.kw");
    if (first) text.scrollTop = Math.max(0, first.offsetTop - text.offsetTop - 40);
  }

  input.addEventListener("change", () => {
    model.set("term", input.value.trim());
    model.save_changes();
  });

  model.on("change:actors", drawBars);
  model.on("change:actor", drawBars);
  model.on("change:terms", drawTerms);
  model.on("change:term", drawTerms);
  model.on("change:panes_html", drawPanes);
  model.on("change:text_html", drawPanes);
  model.on("change:status", drawPanes);
  drawBars();
  drawTerms();
  drawPanes();
}

export default { render };
