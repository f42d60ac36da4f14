using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// The menu on a 390 px phone in WeChat, for every role: the header stays on one line, the role's
/// main jobs are one tap away in the bottom bar (every item wholly on screen), the current section
/// is marked, and 全部功能 reaches everything else — before, the township's 报名审核 was hidden
/// off-screen in a row that gave no sign it scrolled.
/// </summary>
public partial class JourneyTests
{
    public static readonly TheoryData<string, string[], string[]> PhoneMenus = new()
    {
        { "trainee-demo", ["首页", "在线学习", "在线报名", "我的培训班", "全部功能"], ["我的档案", "我的学时"] },
        { "village-440111103201", ["首页", "后备干部", "统计", "人员", "全部功能"], ["组织机构", "数据导出", "培训班"] },
        { "township-440111103", ["首页", "报名审核", "后备干部", "统计", "全部功能"], ["人员", "账号管理", "学籍与缴费", "数据导出"] },
        { "district-440111", ["首页", "报名审核", "后备干部", "统计", "全部功能"], ["人员", "培训班", "学籍与缴费", "导出报表", "账号管理", "课程管理", "学习任务"] },
        { "city", ["首页", "报名审核", "后备干部", "统计", "全部功能"], ["招生管理", "数据导入", "导出报表", "课程管理", "学时目标"] },
        { "school-1", ["首页", "学员学籍", "毕业名单导入", "全部功能"], [] },
    };

    [Theory]
    [MemberData(nameof(PhoneMenus))]
    public async Task Each_role_has_its_main_jobs_one_tap_away_on_a_phone(string account, string[] bar, string[] alsoInAll)
    {
        await using var context = await app.NewContextAsync(PhoneOptions());
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"{page.Url}: {e}");
        await RecordFailureAsync(page, "phone-menu-" + account, async () =>
        {
            await SignInAsync(page, account);

            // The header is one line: brand and account name side by side, not wrapped.
            var header = await page.Locator("header.topbar").BoundingBoxAsync();
            Assert.True(header!.Height < 60, $"页头在手机上应为一行，实际高 {header.Height} 像素");
            Assert.False(await page.Locator("nav.mainnav").IsVisibleAsync(), "手机上不应显示横向滚动的主菜单");

            var items = page.Locator("nav.phonebar a");
            Assert.Equal(bar, await items.AllInnerTextsAsync());
            for (var i = 0; i < bar.Length; i++)
            {
                var box = await items.Nth(i).BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 391 && box.Y + box.Height <= 845,
                    $"底部菜单“{bar[i]}”不在屏幕内");
                Assert.True(box!.Height >= 40, $"底部菜单“{bar[i]}”太小，不便点按（{box.Height} 像素高）");
            }
            await Expect(items.First).ToHaveAttributeAsync("aria-current", "page");

            // A main job: one tap, and the bar marks it as the current section.
            if (bar.Length > 2)
            {
                await items.Nth(1).ClickAsync();
                await Expect(page.Locator("nav.phonebar a", new() { HasText = bar[1] })).ToHaveAttributeAsync("aria-current", "page");
                await Expect(page.Locator("nav.phonebar a").First).Not.ToHaveAttributeAsync("aria-current", "page");
            }

            // Everything else: 全部功能 lists every entry of the role, each a big tile.
            await page.Locator("nav.phonebar a", new() { HasText = "全部功能" }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/Menu$"));
            await Expect(page.Locator("nav.phonebar a", new() { HasText = "全部功能" })).ToHaveAttributeAsync("aria-current", "page");
            var tiles = await page.Locator("main ul.allmenu a").AllInnerTextsAsync();
            foreach (var title in bar.Where(t => t != "全部功能").Concat(alsoInAll))
                Assert.Contains(title, tiles);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "全部功能页在 390 像素宽的手机上出现横向滚动");
            await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, $"phone-menu-{account}.png") });
        });
        Assert.True(problems.Count == 0, "浏览器报错：\n" + string.Join("\n", problems));
    }
}
