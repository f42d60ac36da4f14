// Lesson uploads (PDF up to 50 MB, MP4 up to 1 GB): sent with a progress bar, and with the
// antiforgery token in its header so that the server can stream the body straight to storage
// without reading the form first. The answer (the course page, or the form with its messages)
// replaces the page, as a plain form post would.
document.addEventListener("submit", function (evt) {
    var form = evt.target;
    if (!form.matches("form[data-upload]") || evt.defaultPrevented) return;
    evt.preventDefault();
    var bar = form.querySelector("[data-upload-progress]");
    var status = form.querySelector("[data-upload-status]");
    var button = form.querySelector("button[type=submit]");
    var token = form.querySelector("input[name=__RequestVerificationToken]");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    if (token) xhr.setRequestHeader("RequestVerificationToken", token.value);
    xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.floor(e.loaded * 100 / e.total);
        bar.hidden = false;
        bar.value = percent;
        status.textContent = percent < 100 ? "正在上传… " + percent + "%" : "上传完成，正在处理文件…";
    });
    xhr.addEventListener("load", function () {
        if (xhr.responseURL && xhr.responseURL !== form.action && xhr.status === 200) {
            window.location.assign(xhr.responseURL);
            return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
    });
    xhr.addEventListener("error", function () {
        status.textContent = "网络连接失败，文件未上传，请检查网络后重试。";
        button.disabled = false;
    });
    button.disabled = true;
    xhr.send(new FormData(form));
});
