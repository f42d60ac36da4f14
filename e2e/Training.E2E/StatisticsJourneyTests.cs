using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

public partial class JourneyTests
{
    [Fact]
    public async Task City_admin_computes_a_snapshot_on_a_phone_and_sees_the_figures_and_charts()
    {
        await using var context = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // The favicon the browser asks for by itself is no page resource.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon", StringComparison.Ordinal)) problems.Add($"{m.Text} ({m.Location})"); };
        page.PageError += (_, e) => problems.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{r.Status} {r.Url}"); };
        await RecordFailureAsync(page, "statistics-city", async () =>
        {
            await SignInAsync(page, "city");
            await page.GotoAsync("/Statistics");

            // No snapshot in a fresh database until the button is pressed; the page polls and reloads itself.
            await page.GetByRole(AriaRole.Button, new() { Name = "立即计算", Exact = true }).ClickAsync();
            await Expect(page.Locator("#snapshot-progress")).ToBeVisibleAsync();
            // Done when the running indicator is gone: the page has reloaded itself with the new snapshot
            // (figures an earlier snapshot showed may be on screen before; a reload mid-read detaches them).
            await Expect(page.Locator("#snapshot-progress.progress")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.Locator("[data-testid=figures]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=snapshot-info]")).ToContainTextAsync(new Regex(@"计算于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}"));

            // Charts drawn by charts.js from the JSON block (a canvas Chart.js has taken over has a size).
            foreach (var name in new[] { "trend", "cohorts", "reserves" })
            {
                var drawn = await page.EvaluateAsync<bool>(
                    $"() => {{ const c = document.querySelector(\"canvas[data-chart='{name}']\"); return !!(c && window.Chart && window.Chart.getChart(c) && c.width > 0); }}");
                Assert.True(drawn, $"图表 {name} 没有画出来。");
            }
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "统计页在 390 像素宽的手机上出现横向滚动。");
            await ScreenshotAsync(page, "city-statistics-phone");
            var charts = page.Locator("figure.chart");
            for (var i = 0; i < await charts.CountAsync(); i++)
                await charts.Nth(i).ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, $"city-statistics-chart-{i + 1}-phone.png") });

            // A number opens the persons behind it.
            await page.Locator("[data-figure=TwoCommitteeCadres] a").ClickAsync();
            await Expect(page.Locator("[data-testid=people-total]")).ToContainTextAsync("统计快照");
            await Expect(page.Locator("tr[data-person-id]").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "city-statistics-people-phone");
        });
        Assert.True(problems.Count == 0, "浏览器报错（CSP 或脚本）：\n" + string.Join("\n", problems));
    }
}
