// The lesson player's heartbeats (LEARNING.md §3): when playing starts, every 15 s while it plays,
// and at pause, end, seek and hide. The server decides what each one earns by its own clock; this
// script only reports what happens. A text or a PDF "plays" while its page is visible.
(function () {
    var player = document.getElementById("player");
    if (!player || !player.dataset.playbackId) return;
    var url = player.dataset.heartbeat;
    var token = document.querySelector("#heartbeat-token input[name=__RequestVerificationToken]");
    var status = document.getElementById("study-status");
    var video = player.querySelector("video");
    var every = 15000;
    var timer = null;

    // Reading time for a text or a file: seconds the page was visible, from where the learner resumed.
    var readBase = Number(player.dataset.resume) || 0, readSince = null;
    function readPosition() {
        return readBase + (readSince === null ? 0 : (performance.now() - readSince) / 1000);
    }
    function position() { return video ? video.currentTime : readPosition(); }

    function send(state, at) {
        var body = new URLSearchParams();
        body.set("lessonId", player.dataset.lessonId);
        body.set("playbackId", player.dataset.playbackId);
        body.set("position", (at === undefined ? position() : at).toFixed(2));
        body.set("state", state);
        if (token) body.set("__RequestVerificationToken", token.value);
        return fetch(url, {
            method: "POST", body: body, keepalive: true, credentials: "same-origin",
            headers: token ? { "RequestVerificationToken": token.value } : {}
        }).then(function (r) { return r.ok ? r.json() : r.json().then(function (e) { throw e; }); })
          .then(show)
          .catch(function (e) { if (status && e && e.message) status.textContent = e.message; });
    }

    function show(a) {
        if (!status) return;
        var minutes = Math.floor(a.creditedTotal / 60);
        var text = "已学习 " + (minutes > 0 ? minutes + " 分钟" : Math.floor(a.creditedTotal) + " 秒") + "。";
        if (a.completed) text += " ✓ 本课时已学完。";
        if (a.courseHours) text += " 课程已完成，计入 " + a.courseHours + " 学时。";
        if (!a.newest) { text = a.message; stop(); }
        status.textContent = text;
    }

    function start() {
        if (timer) return;
        if (!video) readSince = performance.now();
        send("playing");
        timer = setInterval(function () { send("playing"); }, every);
    }
    function stop(state) {
        if (timer) { clearInterval(timer); timer = null; }
        var at = position();
        if (!video && readSince !== null) { readBase = at; readSince = null; }
        if (state) send(state, at);
    }

    if (video) {
        var resume = Number(player.dataset.resume) || 0, last = 0;
        video.addEventListener("loadedmetadata", function () {
            if (resume > 0 && resume < video.duration - 5) video.currentTime = resume;
        });
        video.addEventListener("timeupdate", function () { if (!video.seeking) last = video.currentTime; });
        video.addEventListener("playing", function () { if (!document.hidden) start(); });
        video.addEventListener("pause", function () { if (!video.ended) stop("paused"); });
        video.addEventListener("ended", function () { stop("ended"); });
        // A seek ends the interval where the player was, then a new one starts from where it jumped.
        video.addEventListener("seeking", function () { if (timer) { stop(); send("paused", last); } });
        video.addEventListener("seeked", function () { last = video.currentTime; if (!video.paused && !document.hidden) start(); });
    } else if (!document.hidden) {
        start();
    }

    document.addEventListener("visibilitychange", function () {
        if (document.hidden) stop("hidden");
        else if (!video || !video.paused) start();
    });
    window.addEventListener("pagehide", function () { if (timer) stop("hidden"); });
})();
