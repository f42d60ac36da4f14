// htmx 2 does not swap 4xx/5xx by default. A 422 carries the form re-rendered with its
// messages and must be swapped in; other errors show a message instead of doing nothing.
document.addEventListener("DOMContentLoaded", function () {
    if (!window.htmx) return;
    htmx.config.responseHandling = [
        { code: "204", swap: false },
        { code: "[23]..", swap: true },
        { code: "422", swap: true, error: false },
        { code: "[45]..", swap: false, error: true }
    ];
    document.body.addEventListener("htmx:responseError", function (evt) {
        var status = evt.detail.xhr ? evt.detail.xhr.status : 0;
        var text = status === 404 ? "未找到该记录，或不在您的管辖范围内。"
            : status === 403 ? "您没有权限进行此操作。"
            : "操作未能完成（" + status + "），请稍后重试。";
        showFlash(text);
    });
    document.body.addEventListener("htmx:sendError", function () {
        showFlash("网络连接失败，请检查网络后重试。");
    });
});

function showFlash(text) {
    var box = document.getElementById("flash");
    if (!box) {
        box = document.createElement("div");
        box.id = "flash";
        box.className = "flash flash-error";
        box.setAttribute("role", "alert");
        document.querySelector("main").prepend(box);
    }
    box.textContent = text;
}

// Confirmation before destructive steps: <button data-confirm="确定要……吗？">
document.addEventListener("submit", function (evt) {
    var submitter = evt.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) || evt.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) evt.preventDefault();
}, true);
