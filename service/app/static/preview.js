// Copydesk preview page: clean a text, review each edit, apply the choice.
// Every piece of user text reaches the page through textContent or a form
// value, never through innerHTML, so pasted markup always shows as text.
"use strict";

(function () {
  // edits: the corrections and the suggestions (edits below min_confidence) in text order;
  // a suggestion starts rejected and is applied only when the editor accepts it.
  const state = { original: "", edits: [], suggested: new Set(), rejected: new Set(), seq: 0 };
  const $ = (id) => document.getElementById(id);

  // ---- small helpers ---------------------------------------------------------

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  // Whitespace-only changes would be invisible: show spaces, tabs and newlines as signs.
  function visibleText(s) {
    if (s === "" || !/^\s+$/.test(s)) return s;
    return s.replace(/ /g, "\u00b7").replace(/\t/g, "\u2192").replace(/\n/g, "\u21b5\n");
  }

  function kindOf(edit) {
    return edit.step.split("+")[0].replace(/[^a-z]/g, "") || "other";
  }

  function setStatus(message, isError) {
    const status = $("status");
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  async function postJson(url, body) {
    const headers = { "Content-Type": "application/json" };
    const key = $("api-key").value.trim();
    if (key) headers.Authorization = "Bearer " + key;
    const response = await fetch(url, {
      method: "POST",
      headers: headers,
      body: JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : "request failed (" + response.status + ")";
      throw new Error(message);
    }
    return data;
  }

  // ---- rendering -------------------------------------------------------------

  function describeEdit(edit, index, total) {
    const verb = edit.original && edit.replacement ? "replace \u201c" + edit.original + "\u201d with \u201c" + edit.replacement + "\u201d"
      : edit.original ? "delete \u201c" + edit.original + "\u201d" : "insert \u201c" + edit.replacement + "\u201d";
    const what = state.suggested.has(edit.id) ? "Suggestion " : "Correction ";
    return what + (index + 1) + " of " + total + ", " + kindOf(edit) + ": " + verb;
  }

  function editButton(edit, index, total) {
    const tipId = "tip-" + index;
    const confidence = Math.round(edit.confidence * 100) + "%";
    const suggested = state.suggested.has(edit.id);
    const tip = el("span", { className: "tip", role: "tooltip", id: tipId,
      text: (suggested ? "Suggestion, not applied unless you accept it: " : "") + edit.message +
        " \u2014 confidence " + confidence + " (" + edit.rule + ")" });
    const button = el("button", {
      type: "button", className: "edit kind-" + kindOf(edit) + (suggested ? " suggestion" : ""), "data-id": edit.id,
      "data-kind": kindOf(edit), "aria-pressed": suggested ? "false" : "true", "aria-describedby": tipId,
      "aria-label": describeEdit(edit, index, total),
    }, [
      el("del", { text: visibleText(edit.original) }),
      el("ins", { text: visibleText(edit.replacement) }),
      tip,
    ]);
    return button;
  }

  function renderReview() {
    const review = $("review");
    const fragment = document.createDocumentFragment();
    let pos = 0;
    // Offsets are code points; JavaScript strings index UTF-16 units, so walk by code point.
    const chars = Array.from(state.original);
    state.edits.forEach((edit, i) => {
      fragment.append(document.createTextNode(chars.slice(pos, edit.start).join("")));
      fragment.append(editButton(edit, i, state.edits.length));
      pos = edit.end;
    });
    fragment.append(document.createTextNode(chars.slice(pos).join("")));
    review.replaceChildren(fragment);
  }

  function kindButtons(kind, label) {
    const scope = kind ? " " + kind : "";
    return [
      el("button", { type: "button", "data-kind-action": "accept", "data-kind": kind, text: "Accept all" + scope }),
      el("button", { type: "button", "data-kind-action": "reject", "data-kind": kind, text: "Reject all" + scope }),
    ].map((b) => { b.setAttribute("aria-label", b.textContent + " (" + label + ")"); return b; });
  }

  function renderKinds() {
    const counts = {};
    state.edits.forEach((e) => { counts[kindOf(e)] = (counts[kindOf(e)] || 0) + 1; });
    const rows = [el("div", { className: "kind-row" }, [
      el("span", { className: "kind-label", text: "All (" + state.edits.length + ")" }),
      ...kindButtons("", state.edits.length + " corrections"),
    ])];
    Object.keys(counts).sort().forEach((kind) => {
      rows.push(el("div", { className: "kind-row" }, [
        el("span", { className: "kind-label kind-" + kind, text: kind + " (" + counts[kind] + ")" }),
        ...kindButtons(kind, counts[kind] + " " + kind + " corrections"),
      ]));
    });
    $("kinds").replaceChildren(...rows);
  }

  function syncButtons() {
    document.querySelectorAll("#review .edit").forEach((button) => {
      button.setAttribute("aria-pressed", state.rejected.has(button.dataset.id) ? "false" : "true");
    });
  }

  // ---- actions ---------------------------------------------------------------

  async function updateResult() {
    const seq = ++state.seq;
    const result = $("result");
    result.dataset.state = "pending";
    try {
      const data = await postJson("/v1/apply", {
        text: state.original, edits: state.edits, reject: Array.from(state.rejected), diff: "unified",
      });
      if (seq !== state.seq) return; // a newer choice has been sent since
      result.value = data.text;
      $("diff").textContent = data.diff || "(no changes)";
      result.dataset.state = "ready";
      const what = state.suggested.size ? " corrections and suggestions" : " corrections";
      setStatus(data.applied.length + " of " + state.edits.length + what + " applied.");
    } catch (err) {
      if (seq !== state.seq) return;
      result.dataset.state = "error";
      setStatus(err.message, true);
    }
  }

  function setDecision(ids, accept) {
    ids.forEach((id) => (accept ? state.rejected.delete(id) : state.rejected.add(id)));
    syncButtons();
    updateResult();
  }

  async function cleanText() {
    const text = $("input").value;
    setStatus("Cleaning\u2026");
    try {
      const data = await postJson("/v1/clean", { text: text, diff: "none" });
      const suggestions = data.suggestions || [];
      state.original = text;
      // edits and suggestions never overlap (one pipeline run split by confidence)
      state.edits = data.edits.concat(suggestions).sort((a, b) => a.start - b.start || a.end - b.end);
      state.suggested = new Set(suggestions.map((e) => e.id));
      state.rejected = new Set(state.suggested);
      renderReview();
      renderKinds();
      $("review-panel").hidden = false;
      $("result-panel").hidden = false;
      await updateResult();
      if (!state.edits.length) setStatus("No corrections: the text is clean.");
      else if (!data.edits.length) setStatus("No corrections applied: " + suggestions.length +
        " suggestion" + (suggestions.length > 1 ? "s" : "") + " to review (dotted underline).");
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  // The reason is placed in the viewport, below its edit or above it when there is no
  // room: inside the scrolling review box an absolutely placed tip was cut off on the
  // last lines.
  function placeTip(event) {
    const button = event.target.closest && event.target.closest("button.edit");
    if (!button) return;
    const tip = button.querySelector(".tip");
    const box = button.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4)) + "px";
    const below = box.bottom + 4;
    tip.style.top = (below + tip.offsetHeight <= window.innerHeight ? below : Math.max(4, box.top - tip.offsetHeight - 4)) + "px";
  }

  function onReviewClick(event) {
    const button = event.target.closest("button.edit");
    if (button) setDecision([button.dataset.id], state.rejected.has(button.dataset.id));
  }

  function onReviewKey(event) {
    const button = event.target.closest("button.edit");
    if (!button || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "a" || key === "r") {
      event.preventDefault();
      setDecision([button.dataset.id], key === "a");
    }
  }

  function onKindClick(event) {
    const button = event.target.closest("button[data-kind-action]");
    if (!button) return;
    const kind = button.dataset.kind;
    const ids = state.edits.filter((e) => !kind || kindOf(e) === kind).map((e) => e.id);
    setDecision(ids, button.dataset.kindAction === "accept");
  }

  async function copyResult() {
    const result = $("result");
    try {
      await navigator.clipboard.writeText(result.value);
    } catch (err) {
      result.select();
      document.execCommand("copy");
    }
    setStatus("Copied the result.");
  }

  function downloadResult() {
    const blob = new Blob([$("result").value], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: "cleaned.txt" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function loadFile(event) {
    const file = event.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => { $("input").value = reader.result; setStatus("Loaded " + file.name + "."); };
    reader.onerror = () => setStatus("Could not read " + file.name + ".", true);
    reader.readAsText(file, "utf-8");
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("clean").addEventListener("click", cleanText);
    $("input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) cleanText();
    });
    $("file").addEventListener("change", loadFile);
    $("review").addEventListener("click", onReviewClick);
    $("review").addEventListener("keydown", onReviewKey);
    $("review").addEventListener("mouseover", placeTip);
    $("review").addEventListener("focusin", placeTip);
    $("kinds").addEventListener("click", onKindClick);
    $("copy").addEventListener("click", copyResult);
    $("download").addEventListener("click", downloadResult);
  });
})();
