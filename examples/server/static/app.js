// The practice page's keys and timer. Without this script the page works
// as plain forms; with it, Space shows the guidance, 1 to 4 rate, u undoes.
"use strict";
(function () {
  const status = document.getElementById("status");
  const say = (text) => { if (status) status.textContent = text; };
  const guidance = document.getElementById("guidance");
  const show = document.getElementById("show");
  const reveal = () => {
    if (!guidance || !guidance.hidden) return false;
    guidance.hidden = false;
    if (show) {
      show.setAttribute("aria-expanded", "true");
      show.closest("form").hidden = true;
    }
    const first = guidance.querySelector("button[name=rating]");
    if (first) first.focus({ preventScroll: true });
    say("Guidance shown. Rate your answer: 1 again, 2 hard, 3 good, 4 easy.");
    return true;
  };
  if (show) show.addEventListener("click", (e) => { e.preventDefault(); reveal(); });

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return;
    if (e.key === " " && guidance && guidance.hidden) {
      e.preventDefault();
      reveal();
    } else if (/^[1-4]$/.test(e.key) && guidance && !guidance.hidden) {
      const b = guidance.querySelector(`button[data-key="${e.key}"]`);
      if (b) { e.preventDefault(); b.click(); }
    } else if (e.key === "u") {
      const undo = document.getElementById("undo");
      if (undo) { e.preventDefault(); undo.requestSubmit(); }
    }
  });

  // A second click on a rating sends nothing: the first is on its way.
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", (e) => {
      if (form.dataset.sent) { e.preventDefault(); return; }
      form.dataset.sent = "1";
    });
  }

  // The mock-interview timer: off, or minutes a question, kept between pages.
  const timer = document.querySelector(".timer");
  const select = document.getElementById("timer");
  const clock = document.getElementById("clock");
  if (timer && select && clock) {
    timer.hidden = false;
    let saved = "0";
    try { saved = localStorage.getItem("practice-timer") || "0"; } catch (_) { /* storage off */ }
    select.value = saved;
    let left = 0, tick = null;
    const draw = () => {
      const m = Math.floor(left / 60), s = String(left % 60).padStart(2, "0");
      clock.textContent = left > 0 ? `${m}:${s} left` : (Number(select.value) > 0 ? "Time is up" : "");
      clock.classList.toggle("over", left === 0 && Number(select.value) > 0);
    };
    const start = () => {
      clearInterval(tick);
      left = Number(select.value);
      draw();
      if (left > 0) {
        tick = setInterval(() => {
          left = Math.max(0, left - 1);
          draw();
          if (left === 0) { clearInterval(tick); say("Time is up."); }
        }, 1000);
      }
    };
    select.addEventListener("change", () => {
      try { localStorage.setItem("practice-timer", select.value); } catch (_) { /* storage off */ }
      start();
    });
    start();
  }
})();
