// The print version of the catalogue (?afdrukken=1): show its print button, which needs
// JavaScript; without it the page asks for the browser's own print command.
document.querySelectorAll("[data-print-button]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
