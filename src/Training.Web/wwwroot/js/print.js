// The print form's 打印 button, added only when script runs (without it the page says to use the browser's print).
document.addEventListener("DOMContentLoaded", function () {
    var tools = document.querySelector("[data-print-tools]");
    if (!tools || !window.print) return;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "打印";
    button.addEventListener("click", function () { window.print(); });
    tools.insertBefore(button, tools.children[1] || null);
});
