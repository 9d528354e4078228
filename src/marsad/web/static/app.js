/* marsad dashboard: the one script, vendored with the package (no other script is loaded).
   It marks every piece of the evidence sentence or quote the URL fragment points at: a span cut
   by a crossing annotation keeps its id on its first piece only, and the others share data-ev. */
(function () {
  "use strict";

  function mark() {
    var old = document.querySelectorAll(".current");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("current"); }
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || !target.dataset.ev) { return; }
    var pieces = document.querySelectorAll("[data-ev]");
    for (var j = 0; j < pieces.length; j++) {
      if (pieces[j].dataset.ev === target.dataset.ev) { pieces[j].classList.add("current"); }
    }
    target.scrollIntoView({block: "center"});
  }

  document.addEventListener("DOMContentLoaded", function () {
    mark();
    window.addEventListener("hashchange", mark);
  });
})();
