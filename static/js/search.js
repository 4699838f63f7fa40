/*
 * Faceted search, enhanced: results update in place when a filter, the sort or the query changes.
 * Without this script the form submits normally; the server renders the same state from the URL.
 * The URL is kept in sync (history), keyboard focus stays where it was, and the result count is
 * announced through the live region.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  if (!form || !window.fetch || !window.history || !window.FormData) return;

  var controller = null;
  // The address whose results are on screen: following an in-page link (the "skip the filters"
  // link) also fires popstate, and must not reload the results or take focus away from them.
  var shown = window.location.pathname + window.location.search;

  function paramsFromForm() {
    var params = new URLSearchParams();
    var sort = form.querySelector("select[name=sort]");
    new FormData(form).forEach(function (value, key) {
      if (value === "") return;
      if (key === "sort" && sort && value === sort.getAttribute("data-default")) return;
      params.append(key, value);
    });
    return params;
  }

  function replaceFrom(doc, selector, scope) {
    var fresh = doc.querySelector(selector);
    var current = (scope || document).querySelector(selector);
    if (fresh && current) current.replaceWith(fresh);
  }

  function load(url, push) {
    var focusedId = document.activeElement && document.activeElement.id;
    if (controller) controller.abort();
    controller = new AbortController();
    var region = document.querySelector("[data-results-region]");
    if (region) region.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { "X-Search-Partial": "1" }, signal: controller.signal, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
        var count = doc.querySelector("[data-result-count]");
        var countText = count ? count.textContent : "";
        if (count) count.textContent = "";
        replaceFrom(doc, "[data-facets]", form);
        replaceFrom(doc, "[data-filter-total]", form);
        replaceFrom(doc, "[data-results-region]");
        if (push) history.pushState({ search: true }, "", url);
        shown = window.location.pathname + window.location.search;
        if (focusedId) {
          var again = document.getElementById(focusedId);
          if (again) again.focus();
        }
        // Filled after insertion, so screen readers announce the new count.
        var live = document.querySelector("[data-result-count]");
        if (live) window.setTimeout(function () { live.textContent = countText; }, 50);
        showResultsButton();
        bindResultLinks();
      })
      .catch(function (error) {
        if (error.name !== "AbortError") window.location.href = url;
      });
  }

  function urlFor(params) {
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function bindResultLinks() {
    // Chips, "clear all", pagination and the zero-result suggestion are plain links: load them in place.
    document.querySelectorAll("[data-results-region] a").forEach(function (link) {
      var href = link.getAttribute("href") || "";
      if (href.charAt(0) !== "?") return;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var url = form.getAttribute("action") + (href === "?" ? "" : href);
        load(url, true).then(function () {
          var heading = document.querySelector("[data-result-count]");
          if (heading) {
            heading.setAttribute("tabindex", "-1");
            heading.focus();
          }
        });
      });
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches("input[type=checkbox], select")) load(urlFor(paramsFromForm()), true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load(urlFor(paramsFromForm()), true);
  });
  window.addEventListener("popstate", function () {
    if (window.location.pathname + window.location.search === shown) return;  // only the #fragment moved
    load(window.location.href, false).then(function () {
      // Bring the form controls back in line with the URL we returned to.
      var params = new URLSearchParams(window.location.search);
      var q = form.querySelector("[name=q]");
      if (q) q.value = params.get("q") || "";
    });
  });
  function showResultsButton() {
    // Its count follows each change, so it can be offered now ("Toon 4 resultaten").
    var show = form.querySelector("[data-show-results]");
    if (show) show.hidden = false;
  }
  form.addEventListener("click", function (event) {
    if (!event.target.closest("[data-show-results]")) return;
    // On a phone: fold the filters away and take the reader to the results they chose.
    var panel = form.querySelector("[data-filter-panel]");
    if (panel) panel.open = false;
    var region = document.querySelector("[data-results-region]");
    if (region) {
      region.focus();
      region.scrollIntoView({ block: "start" });
    }
  });
  // Beside the results on a wide screen the filters are simply open (the stylesheet shows them
  // there even without the script), so that they are exposed as expanded to assistive technology.
  var wide = window.matchMedia("(min-width: 56rem)");
  function openOnWideScreens() {
    var panel = form.querySelector("[data-filter-panel]");
    if (panel && wide.matches) panel.open = true;
  }
  if (wide.addEventListener) wide.addEventListener("change", openOnWideScreens);
  openOnWideScreens();
  // Filters apply at once with the script: the stylesheet hides "Filters toepassen" on this mark.
  form.setAttribute("data-enhanced", "");
  showResultsButton();
  bindResultLinks();
})();
