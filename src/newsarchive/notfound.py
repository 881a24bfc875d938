"""The 404 page: hosts serve it at any missing address, at any depth, so nothing in it may
depend on where it is.

With a `base_url` every link and the stylesheet are absolute. Without one the styles are
inlined, and the links are written from the site's root; a small script finds the root (the
nearest folder above the address that holds `articles.json`) and points them there. Without
JavaScript and without `base_url` the page is still styled, only its links assume the site is
at the root of the host.
"""

from __future__ import annotations

from pathlib import Path

from . import urls
from .config import SiteConfig
from .lists import page_spec
from .models import Entry
from .specs import PageSpec

ROOT_FINDER = """
/* Served at any missing address: find the site's root (the nearest folder up that holds
   articles.json, which every built site has) and point this page's links, written from the
   root, at it. */
(function () {
  var parts = location.pathname.split("/").slice(0, -1), roots = [];
  for (var n = parts.length; n >= 1; n--) roots.push(parts.slice(0, n).join("/") + "/");
  if (location.protocol.indexOf("http") !== 0) return;
  function fix(root) {
    var nodes = document.querySelectorAll("a[href], link[href], form[action]");
    for (var i = 0; i < nodes.length; i++) {
      var name = nodes[i].tagName === "FORM" ? "action" : "href";
      var value = nodes[i].getAttribute(name);
      if (!/^([a-z][a-z0-9+.-]*:|\\/|#)/i.test(value)) nodes[i].setAttribute(name, root + value);
    }
    document.documentElement.setAttribute("data-root", root);
  }
  function next(i) {
    if (i >= roots.length) return;
    fetch(roots[i] + "articles.json", {method: "HEAD"}).then(function (response) {
      if (response.ok) { fix(roots[i]); } else { next(i + 1); }
    }, function () { next(i + 1); });
  }
  document.addEventListener("DOMContentLoaded", function () { next(0); });
})();
"""
"""The 404 page's one inline script (it cannot be a file: a relative src would not resolve at
every depth); `check` accepts an inline script with exactly this text, and no other."""


def not_found(config: SiteConfig, latest: tuple[Entry, ...], stylesheet: str) -> PageSpec:
    """Return the spec of the 404 page: absolute links with a base_url, else inlined styles."""
    return page_spec(
        "404",
        "404.html",
        urls.NOT_FOUND,
        f"Page not found — {config.title}",
        "The page you asked for is not in this archive.",
        canonical="",
        latest=latest,
        anywhere=True,
        inline_css="" if config.base_url else stylesheet,
        root_finder=ROOT_FINDER,
    )


def stylesheet_text(static: Path) -> str:
    """Return the site's stylesheet for inlining ("" when the theme has none)."""
    path = static / "style.css"
    try:
        return path.read_text(encoding="utf-8").replace("</", "<\\/")  # cannot end <style>
    except (OSError, UnicodeDecodeError):
        return ""
