/* newsarchive serve --watch: reload this page once a new build is served, or a failed build's
   errors change (newsarchive/build/live.py). Served only by the development server, never
   written into the site. Asks the same server once a second; no request leaves it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-build") : null;
  var wait = 1000;

  function check() {
    fetch("/__newsarchive__/build", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        wait = 1000;
        if (shown === null) {
          shown = String(state.build);
        } else if (String(state.build) !== shown) {
          /* after a good build the reader stays where they were; after a failed one the page opens
             at its top, where the errors are */
          history.scrollRestoration = state.ok ? "auto" : "manual";
          window.location.reload();
          return;
        }
        setTimeout(check, wait);
      }, function () {
        wait = Math.min(wait * 2, 10000); /* the server stopped or restarts: ask less often */
        setTimeout(check, wait);
      });
  }

  setTimeout(check, wait);
}());
