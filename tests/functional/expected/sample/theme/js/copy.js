/* Progressive enhancement: a "Copy" button for each citation block. Without it the text stays selectable. */
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("pre[data-copy]").forEach(function (pre) {
    var button = document.createElement("button");
    var label = pre.getAttribute("data-copy");  // the id of its heading (a <pre> may not be aria-labelledby)
    var name = label && document.getElementById(label) ? document.getElementById(label).textContent : "citation";
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy " + name;
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(pre.textContent).then(
        function () { status.textContent = "Copied."; },
        function () { status.textContent = "Could not copy; select the text instead."; }
      );
    });
    pre.insertAdjacentElement("beforebegin", button);
    button.insertAdjacentElement("afterend", status);
  });
})();
