// Article view: hovering highlighted text shows the coding of every record over it; clicking opens the most
// specific record; a #kind-id fragment (from a record's "show in the article" link) highlights that record.
(function () {
  "use strict";
  const data = document.getElementById("records");
  const tooltip = document.getElementById("tooltip");
  const records = data ? JSON.parse(data.textContent) : {};

  function ids(el) { return (el.dataset.ids || "").split(" ").filter(Boolean); }

  function show(el, event) {
    if (!tooltip) return;
    tooltip.replaceChildren();
    for (const id of ids(el)) {
      const r = records[id];
      if (!r) continue;
      const item = document.createElement("div");
      item.className = "tt-item";
      const kind = document.createElement("div");
      kind.className = "tt-kind"; kind.textContent = r.kind;
      const title = document.createElement("div");
      title.className = "tt-title"; title.textContent = r.title;
      item.append(kind, title);
      for (const line of r.lines) {
        const div = document.createElement("div"); div.textContent = line; item.append(div);
      }
      tooltip.append(item);
    }
    tooltip.hidden = false;
    const x = Math.min(event.pageX + 14, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = Math.max(window.scrollX + 4, x) + "px";
    tooltip.style.top = (event.pageY + 18) + "px";
  }

  function highlight(anchor) {
    document.querySelectorAll(".hl.target").forEach((el) => el.classList.remove("target"));
    const hits = document.querySelectorAll('.hl[data-ids~="' + CSS.escape(anchor) + '"]');
    hits.forEach((el) => el.classList.add("target"));
    if (hits.length) hits[0].scrollIntoView({ block: "center" });
  }

  document.addEventListener("mouseover", (event) => {
    const el = event.target.closest(".hl");
    if (el) show(el, event); else if (tooltip) tooltip.hidden = true;
  });
  document.addEventListener("mousemove", (event) => {
    const el = event.target.closest(".hl");
    if (el && tooltip && !tooltip.hidden) show(el, event);
  });
  document.addEventListener("click", (event) => {
    const el = event.target.closest(".hl");
    if (!el) return;
    const target = ids(el).map((id) => records[id]).find((r) => r && r.href);
    if (target) window.location.href = target.href;
  });
  window.addEventListener("hashchange", () => highlight(location.hash.slice(1)));
  if (location.hash.length > 1 && document.querySelector(".hl")) highlight(decodeURIComponent(location.hash.slice(1)));
})();
