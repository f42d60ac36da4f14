// Draws the statistics dashboard's charts from the JSON block the page renders
// (<script type="application/json" id="stats-chart-data">): no inline script, CSP-safe.
document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("stats-chart-data");
    if (!source || !window.Chart) return;
    var data = JSON.parse(source.textContent || "{}");
    var colors = ["#b3261e", "#1f6feb", "#2e7d32", "#8a5a00"];
    var common = {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: "bottom" } }
    };

    function datasets(series, type) {
        return (series || []).map(function (s, i) {
            return {
                type: type,
                label: s.label,
                data: s.data,
                borderColor: colors[i % colors.length],
                backgroundColor: colors[i % colors.length],
                spanGaps: true
            };
        });
    }

    function draw(name, build) {
        var canvas = document.querySelector("canvas[data-chart='" + name + "']");
        var chart = data[name];
        if (!canvas || !chart) return;
        new window.Chart(canvas, build(chart));
    }

    // Shares in percent, one line per share: over snapshots, and at each cohort year's end.
    function percentLines(c) {
        return {
            type: "line",
            data: { labels: c.labels, datasets: datasets(c.series, "line") },
            options: Object.assign({}, common, { scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } })
        };
    }
    draw("trend", percentLines);
    draw("attainment", percentLines);

    draw("cohorts", function (c) {
        var sets = datasets(c.series, "bar");
        if (c.rate) {
            sets.push({ type: "line", label: c.rate.label, data: c.rate.data, yAxisID: "rate",
                borderColor: colors[2], backgroundColor: colors[2], spanGaps: true });
        }
        return {
            type: "bar",
            data: { labels: c.labels, datasets: sets },
            options: Object.assign({}, common, {
                scales: {
                    y: { beginAtZero: true, title: { display: true, text: "人" } },
                    rate: { position: "right", min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: "%" } }
                }
            })
        };
    });

    draw("reserves", function (c) {
        return {
            type: "bar",
            data: { labels: c.labels, datasets: datasets(c.series, "bar") },
            options: Object.assign({}, common, {
                indexAxis: c.labels.length > 8 ? "y" : "x",
                scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
            })
        };
    });
});

// The learning report's hours per month (学习统计): one bar per month of the year.
document.addEventListener("DOMContentLoaded", function () {
    var source = document.getElementById("stats-chart-data");
    var canvas = document.querySelector("canvas[data-chart='months']");
    if (!source || !canvas || !window.Chart) return;
    var c = JSON.parse(source.textContent || "{}").months;
    if (!c) return;
    new window.Chart(canvas, {
        type: "bar",
        data: { labels: c.labels, datasets: (c.series || []).map(function (s) {
            return { label: s.label, data: s.data, backgroundColor: "#b3261e", borderColor: "#b3261e" };
        }) },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
            plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true, title: { display: true, text: "学时" } } } }
    });
});
