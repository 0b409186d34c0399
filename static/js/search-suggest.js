/* Search suggestions for the site search (search/ app).
 *
 * Progressive: the search forms work without this file. For each input with a
 * data-suggest-url, it fetches /search/suggest/?q=… as the visitor types (debounced)
 * and offers the titles in a native <datalist>, which browsers expose to assistive
 * technology as the input's list of suggestions; a polite live region says how many
 * there are. Choosing one fills the box; submitting runs the full search.
 *
 * That announcement is in the page's language: the template gives it on the input as
 * data-suggest-one ("1 suggestion available.") and data-suggest-other ("%(count)s
 * suggestions available."), from the Django message catalogue. English and Spanish
 * have the same two plural forms (one, other); English is the fallback.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY_MS = 200;
    var counter = 0;

    function announcement(input, count) {
        if (!count) { return ""; }
        if (count === 1) {
            return input.getAttribute("data-suggest-one") || "1 suggestion available.";
        }
        var other = input.getAttribute("data-suggest-other") || "%(count)s suggestions available.";
        return other.replace("%(count)s", String(count));
    }

    function enhance(input) {
        counter += 1;
        var listId = "search-suggestions-" + counter;
        var list = document.createElement("datalist");
        list.id = listId;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);
        input.setAttribute("list", listId);

        var timer = null;
        var controller = null;
        var lastQuery = "";

        function show(suggestions) {
            list.textContent = "";
            suggestions.forEach(function (suggestion) {
                var option = document.createElement("option");
                option.value = suggestion.title;
                option.label = suggestion.type;
                list.appendChild(option);
            });
            status.textContent = announcement(input, suggestions.length);
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) { return; }
            lastQuery = query;
            if (query.length < MIN_LENGTH) { show([]); return; }
            if (controller) { controller.abort(); }
            controller = "AbortController" in window ? new AbortController() : null;
            var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query);
            fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) { if (data.query !== undefined) { show(data.suggestions || []); } })
                .catch(function () { /* suggestions are optional: the form still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });
    }

    function init() {
        if (!("fetch" in window)) { return; }
        Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
