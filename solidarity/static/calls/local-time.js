// A call's dates are printed in Geneva time; where the reader's own zone differs,
// this adds the same moment in the reader's time after it. Without script, the
// Geneva time stands alone.
(function () {
  "use strict";
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === "Europe/Zurich" || zone === "Europe/Geneva") {
    return;
  }
  var language = document.documentElement.lang || undefined;
  var format = new Intl.DateTimeFormat(language, {
    day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
    timeZoneName: "short"
  });
  document.querySelectorAll("time[data-local-label]").forEach(function (element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (isNaN(moment.getTime())) {
      return;
    }
    var local = document.createElement("span");
    local.className = "local-time";
    local.textContent = " (" + element.getAttribute("data-local-label") + " " +
      format.format(moment) + ")";
    var zoneNote = element.nextElementSibling;
    var anchor = zoneNote && zoneNote.classList.contains("zone") ? zoneNote : element;
    anchor.after(local);
  });
})();
