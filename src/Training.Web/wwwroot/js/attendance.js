// 考勤: the count follows the ticks as they are made, and 全部出勤 ticks every row at once
// instead of asking the server (the button still works without JavaScript: it posts ?handler=All).
document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-testid=attendance-form]");
    if (!form) return;
    var count = document.querySelector("[data-testid=attendance-count] strong");
    var boxes = form.querySelectorAll("input[name=Present]");

    function recount() {
        var n = 0;
        boxes.forEach(function (b) { if (b.checked) n++; });
        if (count) count.textContent = String(n);
    }

    form.addEventListener("change", recount);
    var all = form.querySelector("[data-testid=all-present]");
    if (all) {
        all.addEventListener("click", function (evt) {
            evt.preventDefault();
            boxes.forEach(function (b) { b.checked = true; });
            recount();
        });
    }
});
