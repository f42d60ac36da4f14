using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// 后备干部 in Chromium: 汉塘村 recommends one of its people on a phone in WeChat (村推), 人和镇
/// selects (镇选), 白云区 puts the candidate into the pool (区考察通过), and the village's line on
/// the township's 1:2 coverage page shows one more reserve in the pool and a higher coverage.
/// </summary>
public partial class JourneyTests
{
    private const string ReserveVillage = "440111103201"; // 汉塘村委会

    [Fact]
    public async Task Reserve_recommended_by_the_village_selected_by_the_township_and_put_in_pool_by_the_district_raises_the_villages_coverage_on_the_township_page()
    {
        // A person of the village that no other test knows, so it has no candidacy at all.
        var (personId, name) = await FreshReservePersonAsync();

        await using var desktop = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var phone = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            UserAgent = WeChatIPhone,
        });
        var township = await desktop.NewPageAsync();
        var village = await phone.NewPageAsync();
        var problems = new List<string>();
        foreach (var p in new[] { township, village })
        {
            p.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon", StringComparison.Ordinal)) problems.Add($"{m.Text} ({m.Location})"); };
            p.PageError += (_, e) => problems.Add(e);
        }

        await RecordFailureAsync(township, "reserve-township-before", async () =>
        {
            await SignInAsync(township, "township-440111103");
        });
        var before = await ReadCoverageAsync(township, "reserve-1-coverage-before");

        // 村推, on a phone.
        await RecordFailureAsync(village, "reserve-village", async () =>
        {
            await SignInAsync(village, "village-440111103201");
            await village.GotoAsync("/Reserves");
            await village.GetByLabel("按姓名查找本村人员").FillAsync(name);
            await village.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).First.ClickAsync();
            await village.WaitForURLAsync(url => url.Contains("Pq=", StringComparison.Ordinal));
            var form = village.Locator("[data-testid=recommend-form]");
            await form.GetByLabel("人员").SelectOptionAsync(personId.ToString(CultureInfo.InvariantCulture));
            await form.GetByLabel("后备类型").SelectOptionAsync(new SelectOptionValue { Label = "两委后备" });
            await form.GetByLabel("推荐意见（可不填）").FillAsync("群众基础好，熟悉村务。");
            await ScreenshotAsync(village, "reserve-2-village-recommend-phone");
            await form.GetByRole(AriaRole.Button, new() { Name = "推荐", Exact = true }).ClickAsync();

            await Expect(village.Locator("[data-testid=flash]")).ToContainTextAsync(name);
            var row = village.Locator("[data-testid=reserve-rows] tbody tr").Filter(new() { HasText = name });
            await Expect(row).ToHaveAttributeAsync("data-state", nameof(ReserveState.Recommended));
            var overflow = await village.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "后备干部页在 390 像素宽的手机上出现横向滚动。");
            await ScreenshotAsync(village, "reserve-3-village-recommended-phone");
        });

        // 镇选.
        await RecordFailureAsync(township, "reserve-township-select", async () =>
        {
            await TakeStepAsync(township, name, "镇（街）选定", nameof(ReserveState.Selected));
            await ScreenshotAsync(township, "reserve-4-township-selected");
        });
        var afterSelect = await ReadCoverageAsync(township, "reserve-5-coverage-after-select");
        Assert.Equal(before, afterSelect); // selected is not yet in the pool

        // 区考察通过，入库.
        await using var districtContext = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var district = await districtContext.NewPageAsync();
        district.PageError += (_, e) => problems.Add(e);
        await RecordFailureAsync(district, "reserve-district", async () =>
        {
            await SignInAsync(district, "district-440111");
            await TakeStepAsync(district, name, "考察通过，入库", nameof(ReserveState.InPool));
            await ScreenshotAsync(district, "reserve-6-district-in-pool");
        });

        var after = await ReadCoverageAsync(township, "reserve-7-coverage-after");
        output.WriteLine($"汉塘村 before: {before}; after: {after}");
        Assert.Equal(before.KeyPosts, after.KeyPosts);
        Assert.Equal(before.Secretary, after.Secretary);
        Assert.Equal(before.TwoCommittee + 1, after.TwoCommittee);
        Assert.Equal(before.TownshipReserves + 1, after.TownshipReserves);
        Assert.Equal(Percent(before.Secretary + before.TwoCommittee + 1, before.KeyPosts), after.Coverage);
        Assert.NotEqual(before.Coverage, after.Coverage);

        Assert.True(problems.Count == 0, "浏览器报错（CSP 或脚本）：\n" + string.Join("\n", problems));
    }

    private sealed record VillageFigure(int KeyPosts, int Secretary, int TwoCommittee, string Coverage, int TownshipReserves);

    /// <summary>
    /// The village's line on the township's coverage page, as the browser shows it: found among the
    /// villages below 1:2, or, when it meets the rule, after ticking 同时列出已达到 1:2 的村.
    /// </summary>
    private async Task<VillageFigure> ReadCoverageAsync(IPage page, string screenshot)
    {
        VillageFigure? figure = null;
        await RecordFailureAsync(page, screenshot, async () =>
        {
            await page.GotoAsync("/Reserves/Coverage");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "后备干部配备（1:2）" })).ToBeVisibleAsync();
            var row = page.Locator($"[data-testid=coverage-below] tr[data-village-code='{ReserveVillage}']");
            if (await row.CountAsync() == 0)
            {
                await page.GetByLabel("同时列出已达到 1:2 的村（社区）").CheckAsync();
                await Expect(page.Locator("[data-testid=coverage-below-total]")).ToContainTextAsync("未达到 1:2 的排在前面");
            }
            await Expect(row).ToHaveCountAsync(1);
            var cells = row.Locator("td");
            await Expect(cells.Nth(0)).ToContainTextAsync("汉塘");
            figure = new VillageFigure(
                int.Parse(await cells.Nth(2).InnerTextAsync(), CultureInfo.InvariantCulture),
                int.Parse(await cells.Nth(3).InnerTextAsync(), CultureInfo.InvariantCulture),
                int.Parse(await cells.Nth(4).InnerTextAsync(), CultureInfo.InvariantCulture),
                (await cells.Nth(5).InnerTextAsync()).Trim(),
                int.Parse(await page.Locator("[data-testid=coverage-total] .stat").Filter(new() { HasText = "在库后备人数" })
                    .Locator(".stat-value").InnerTextAsync(), CultureInfo.InvariantCulture));
            Assert.True(figure.KeyPosts > 0, "汉塘村没有关键岗位，配备率为“—”，无法看出变化。");
            Assert.Equal(Percent(figure.Secretary + figure.TwoCommittee, figure.KeyPosts), figure.Coverage);
            await row.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(page, screenshot);
        });
        return figure!;
    }

    /// <summary>The step's button on the candidate's row in /Reserves (found by name); the row then shows the new state.</summary>
    private static async Task TakeStepAsync(IPage page, string name, string button, string state)
    {
        await page.GotoAsync("/Reserves");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).Last.ClickAsync();
        var rows = page.Locator("[data-testid=reserve-rows] tbody tr").Filter(new() { HasText = name });
        await Expect(rows).ToHaveCountAsync(1);
        await rows.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync(name);
        await Expect(page.Locator("[data-testid=reserve-rows] tbody tr").Filter(new() { HasText = name }))
            .ToHaveAttributeAsync("data-state", state);
    }

    /// <summary>The page's coverage text: reserves ÷ (2 × key posts) as a percent with one decimal.</summary>
    private static string Percent(int reserves, int keyPosts) =>
        Math.Round(100m * reserves / (2m * keyPosts), 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A new person of 汉塘村委会 with a name no one else in the database has.</summary>
    private async Task<(int Id, string Name)> FreshReservePersonAsync()
    {
        var id = await FreshIdNumberAsync("19910508");
        var name = "";
        foreach (var candidate in new[] { "冼后备", "麦储才", "邝育苗", "区承先", "谭启后" })
        {
            var taken = candidate;
            if (!await app.WithDbAsync(db => db.Persons.AnyAsync(p => p.Name == taken))) { name = candidate; break; }
        }
        if (name.Length == 0) throw new InvalidOperationException("没有空闲的测试姓名。");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var personId = await app.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.SingleAsync(u => u.Code == ReserveVillage);
            var person = Person.Register(id, name, null, PoliticalStatus.PartyMember, Education.Associate, village, today, DateTime.UtcNow);
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        return (personId, name);
    }
}
