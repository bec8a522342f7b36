// The status page: polls api/status every second and redraws. Every value from the gateway goes into the page as
// text (textContent), never as HTML: SSIDs and event lines come from the air.
"use strict";

const GOOD = new Set(["COMPLETED", "ENABLED"]);
const BAD = new Set(["DISCONNECTED", "INTERFACE_DISABLED", "INACTIVE", "DISABLED"]);

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function table(headers, rows) {
  const t = el("table");
  if (headers.some(h => h)) {
    const head = el("tr");
    headers.forEach(h => head.appendChild(el("th", h)));
    t.appendChild(head);
  }
  rows.forEach(r => {
    const tr = el("tr");
    r.forEach(v => tr.appendChild(el("td", v)));
    t.appendChild(tr);
  });
  return t;
}

function list(items, cls) {
  const ul = el("ul", undefined, cls);
  items.forEach(i => ul.appendChild(el("li", i)));
  return ul;
}

async function act(ifname, action, addr) {
  const body = new URLSearchParams({ ifname, action });
  if (addr) body.set("addr", addr);
  const r = await fetch("api/action", { method: "POST", headers: { "X-Wpa4j-Action": "1" }, body, credentials: "same-origin" });
  const j = await r.json().catch(() => ({ message: r.statusText }));
  document.getElementById("message").textContent = r.ok ? "" : action + " on " + ifname + ": " + j.message;
}

function button(label, onClick) {
  const b = el("button", label);
  b.addEventListener("click", onClick);
  return b;
}

function card(i, actions) {
  const s = el("section");
  s.dataset.ifname = i.ifname;
  const h = el("h2");
  h.appendChild(el("span", i.ifname));
  h.appendChild(el("span", i.role === "ap" ? "access point" : "station"));
  h.appendChild(el("span", i.state, "state" + (GOOD.has(i.state) ? " good" : BAD.has(i.state) ? " bad" : "")));
  s.appendChild(h);
  if (i.error) {
    s.appendChild(el("p", i.error));
    return s;
  }
  const facts = [["SSID", i.ssid], ["BSSID", i.bssid], ["frequency", i.freq ? i.freq + " MHz" : ""], ["driver", i.driver]];
  if (i.role === "ap") facts.push(["security", i.security], ["channel", i.channel]);
  else facts.push(["key management", i.keyMgmt], ["address", i.address]);
  s.appendChild(table(["", ""], facts.filter(f => f[1] !== undefined && f[1] !== "")));
  s.appendChild(el("h3", "backends for " + i.ifname + " (best ranking first)"));
  s.appendChild(list(i.candidates.length ? i.candidates : ["no driver for this interface yet"], "candidates"));
  if (i.role === "station") {
    s.appendChild(el("h3", "scan results"));
    s.appendChild(table(["BSSID", "MHz", "signal", "flags", "SSID"], i.scanResults.map(r => [r.bssid, r.freq, r.signal, r.flags, r.ssid])));
    if (actions) ["scan", "reconnect", "disconnect"].forEach(a => s.appendChild(button(a, () => act(i.ifname, a))));
  } else {
    s.appendChild(el("h3", "stations (" + i.stations.length + ")"));
    s.appendChild(table(["address", "AID", "flags", "keys", ""], i.stations.map(r => [r.addr, r.aid, r.flags, r.keys, ""])));
    if (actions) {
      const rows = s.querySelectorAll("table:last-of-type tr");
      i.stations.forEach((r, n) => rows[n + 1].lastChild.appendChild(button("deauthenticate", () => act(i.ifname, "deauthenticate", r.addr))));
    }
  }
  if (i.problems.length) {
    s.appendChild(el("h3", "settings refused or ignored"));
    s.appendChild(list(i.problems));
  }
  s.appendChild(el("h3", "events"));
  s.appendChild(list(i.events.slice().reverse(), "events"));
  return s;
}

let refreshing = false;

async function refresh() {
  if (refreshing) return; // a slow answer is not overtaken by the next poll
  refreshing = true;
  try {
    const r = await fetch("api/status", { cache: "no-store" });
    const status = await r.json();
    const main = document.getElementById("interfaces");
    main.replaceChildren(...status.interfaces.map(i => card(i, status.actions)));
    if (!status.interfaces.length) main.appendChild(el("p", "no station or access point configured"));
    document.getElementById("updated").textContent = "as of " + new Date(status.time).toLocaleTimeString();
    document.getElementById("mode").textContent = status.actions ? "actions: for the configured operator" : "read-only";
  } catch (e) {
    document.getElementById("updated").textContent = "gateway not answering (" + e.message + ")";
  } finally {
    refreshing = false;
  }
}

refresh();
setInterval(refresh, 1000);
