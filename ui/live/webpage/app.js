// The room's page: shows the view the server pushes (only this
// participant's own notes and answers) and sends actions as JSON.
// Text is only ever set with textContent, never parsed as HTML.
"use strict";

(function () {
  var $ = function (id) { return document.getElementById(id); };
  var view = null, skew = 0, events = null, ended = false;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function button(label, key, onClick, opts) {
    var b = el("button", label, opts && opts.cls);
    b.type = "button";
    b.dataset.key = key;
    if (opts && opts.pressed !== undefined) { b.setAttribute("aria-pressed", opts.pressed ? "true" : "false"); }
    if (opts && opts.disabled) { b.disabled = true; }
    b.addEventListener("click", onClick);
    return b;
  }

  function say(text, warn) {
    var s = $("status");
    s.textContent = text || "";
    s.className = warn ? "warn" : "";
  }

  function post(action) {
    return fetch("/act", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(action)
    }).then(function (r) {
      if (r.status === 401) { notIn(); return null; }
      return r.json().then(function (a) {
        if (a.error) { say(a.error, true); return null; }
        say(a.said, false);
        return a;
      });
    }).catch(function () { say("That did not reach the room: check the Wi-Fi, then try again.", true); return null; });
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function clockText(ms) {
    var s = Math.max(0, Math.ceil(ms / 1000));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return (h > 0 ? h + ":" + pad(m) : String(m)) + ":" + pad(s % 60);
  }
  function tick() {
    var c = $("clock");
    if (!view || view.closed || view.removed || ended) { c.textContent = ""; return; }
    var k = view.clock;
    if (k.paused > 0) { c.textContent = "Timer paused: " + clockText(k.paused) + " left"; return; }
    if (!k.deadline) { c.textContent = ""; return; }
    var left = k.deadline - (Date.now() + skew);
    c.textContent = left <= 0 ? "Time is up" : "Time left: " + clockText(left);
  }

  function heading(v) {
    var a = $("activity");
    var title = v.title + (v.open ? "" : " (closed)");
    a.appendChild(el("h2", title));
    var prompt = v.prompt;
    if (v.kind === "dots" && v.open) { prompt = "Give your dots to the lines that matter most to you."; }
    if (v.kind === "rating" && v.open) { prompt = "Rate each statement on the scale."; }
    if (prompt && prompt !== v.title) { a.appendChild(el("p", prompt)); }
  }

  function tallyNote(v) {
    if (v.held) { return el("p", "Results: " + v.held + ".", "dim"); }
    if (v.shown) { return el("p", v.answered + (v.answered === 1 ? " person has" : " people have") + " answered.", "dim"); }
    return null;
  }

  function notes(v) {
    var box = $("mine");
    if (v.notes.length === 0) { box.appendChild(el("p", "No notes yet.", "dim")); return; }
    box.appendChild(el("h3", "Your notes"));
    var ul = el("ul");
    v.notes.forEach(function (n) {
      var li = el("li");
      var state = n.revealed ? "On the screen" : (n.shared ? "Shared" : "Private");
      li.appendChild(el("p", state, "state"));
      li.appendChild(el("p", n.text, "text"));
      if (!n.revealed && v.open) {
        var row = el("div", null, "row");
        row.appendChild(button(n.shared ? "Make private" : "Share", "share" + n.id, function () {
          post({ do: n.shared ? "unshare" : "share", id: n.id });
        }));
        row.appendChild(button("Delete", "delete" + n.id, function () {
          post({ do: "delete", id: n.id });
        }, { cls: "plain" }));
        li.appendChild(row);
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function poll(v) {
    var a = $("activity");
    var ul = el("ul");
    v.options.forEach(function (o, i) {
      var mine = v.voted === i;
      var li = el("li", null, "bare");
      var label = (mine ? "✓ Your vote: " : "") + o.text + (v.shown ? " — " + o.count + (o.count === 1 ? " vote" : " votes") : "");
      li.appendChild(button(label, "vote" + i, function () { post({ do: "vote", option: i }); },
        { cls: "wide" + (mine ? "" : " plain"), pressed: mine, disabled: !v.open }));
      ul.appendChild(li);
    });
    a.appendChild(ul);
    if (v.voted < 0) { a.appendChild(el("p", v.open ? "You have not voted." : "You did not vote.", "dim")); }
  }

  function dots(v) {
    var a = $("activity");
    a.appendChild(el("p", "Dots left: " + v.dotsLeft + " of " + v.dots, "state"));
    var ul = el("ul");
    v.lines.forEach(function (l) {
      var li = el("li", null, l.mine > 0 ? "chosen" : "");
      li.appendChild(el("p", l.text, "text"));
      var mine = "Your dots: " + l.mine + (l.mine > 0 ? " " + "●".repeat(l.mine) : "");
      if (v.shown) { mine += " · room: " + l.count; }
      li.appendChild(el("p", mine));
      var row = el("div", null, "row");
      row.appendChild(button("Give a dot", "dot" + l.id, function () { post({ do: "dot", line: l.id }); },
        { disabled: !v.open || v.dotsLeft === 0 }));
      row.appendChild(button("Take one back", "undot" + l.id, function () { post({ do: "undot", line: l.id }); },
        { cls: "plain", disabled: !v.open || l.mine === 0 }));
      li.appendChild(row);
      ul.appendChild(li);
    });
    a.appendChild(ul);
  }

  function rating(v) {
    var a = $("activity");
    v.items.forEach(function (it, i) {
      var fs = el("fieldset");
      fs.appendChild(el("legend", it.text));
      fs.appendChild(el("p", it.rated >= 0 ? "Your rating: " + (it.rated + 1) + " " + v.scale[it.rated] : "Not rated yet.", "state"));
      var row = el("div", null, "row");
      v.scale.forEach(function (s, c) {
        var mine = it.rated === c;
        var label = (mine ? "✓ " : "") + (c + 1) + " " + s + (v.shown ? " (" + it.counts[c] + ")" : "");
        row.appendChild(button(label, "rate" + i + "_" + c, function () { post({ do: "rate", item: i, col: c }); },
          { cls: mine ? "" : "plain", pressed: mine, disabled: !v.open }));
      });
      fs.appendChild(row);
      a.appendChild(fs);
    });
  }

  function render(v) {
    view = v;
    var focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    var a = $("activity"), mine = $("mine");
    a.textContent = ""; mine.textContent = "";
    $("name").textContent = v.closed ? "huddle" : "You are " + v.name;
    var writing = v.kind === "write" && !v.closed && !v.removed;
    $("compose").hidden = !(writing && v.open);
    $("memory").hidden = !writing;
    $("leave").hidden = v.closed || v.removed;
    if (v.closed) { closed(); return; }
    if (v.removed) {
      a.appendChild(el("h1", "The facilitator removed you from the room.", "warn"));
      ended = true; tick(); return;
    }
    if (v.kind === "lobby") {
      a.appendChild(el("h1", "You are " + v.name + "."));
      a.appendChild(el("p", "Waiting for the facilitator to open an activity. Keep this page open."));
    } else {
      heading(v);
    }
    if (v.kind === "write") { notes(v); }
    if (v.kind === "poll") { poll(v); }
    if (v.kind === "dots") { dots(v); }
    if (v.kind === "rating") { rating(v); }
    var t = tallyNote(v);
    if (t) { a.appendChild(t); }
    if (focused) {
      var again = document.querySelector('[data-key="' + focused + '"]');
      if (again && !again.disabled) { again.focus(); }
    }
    tick();
  }

  function closed() {
    end("The room is closed.", "Thank you for taking part. Notes you did not share were never stored and are gone now.");
    say("room closed", false);
  }

  // end shows a last screen: the page no longer takes part.
  function end(title, text) {
    ended = true;
    if (events) { events.close(); }
    var a = $("activity");
    a.textContent = ""; $("mine").textContent = "";
    $("compose").hidden = true; $("memory").hidden = true; $("leave").hidden = true;
    $("name").textContent = "huddle";
    a.appendChild(el("h1", title));
    a.appendChild(el("p", text));
    say("", false);
    tick();
  }

  function notIn() {
    end("This page is not in the room.", "Scan the QR code on the screen again, or type the web address shown there.");
  }

  function connect() {
    events = new EventSource("/events");
    events.addEventListener("view", function (e) {
      var d = JSON.parse(e.data);
      skew = d.now - Date.now();
      render(d.view);
    });
    events.addEventListener("closed", closed);
    events.onerror = function () {
      if (ended || events.readyState !== EventSource.CLOSED) { return; } // it reconnects by itself
      fetch("/view", { credentials: "same-origin" }).then(function (r) {
        if (r.status === 401) { notIn(); return; }
        setTimeout(function () { if (!ended) { connect(); } }, 3000);
      }).catch(function () { setTimeout(function () { if (!ended) { connect(); } }, 3000); });
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("compose").addEventListener("submit", function (e) {
      e.preventDefault();
      var box = $("note");
      post({ do: "note", text: box.value }).then(function (a) {
        if (a) { box.value = ""; }
      });
    });
    $("leave").addEventListener("click", function () {
      if (!window.confirm("Leave the room? Notes you have not shared will be gone.")) { return; }
      post({ do: "leave" }).then(function (a) {
        if (a) { end("You have left the room.", "Notes you did not share are gone. To join again, scan the QR code on the screen."); }
      });
    });
    setInterval(tick, 1000);
    connect();
  });
})();
