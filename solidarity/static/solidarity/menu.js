// On a narrow screen the main navigation folds behind its "Menu" button (see solidarity.css).
// Without this script the button stays hidden and the navigation stays open.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".main-nav .menu-toggle");
  if (!button) return;
  button.closest(".main-nav").classList.add("foldable");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
  });
});
