using Training.Web.Features.Demo;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>Whole journeys in a real Chromium, as the people of PRODUCT.md §2 make them.</summary>
[Collection(AppServerCollection.Name)]
public partial class JourneyTests(AppServer app, ITestOutputHelper output)
{
    /// <summary>WeChat's in-app browser on an iPhone: most trainees come this way.</summary>
    private const string WeChatIPhone =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
        "Mobile/15E148 MicroMessenger/8.0.50(0x1800323d) NetType/WIFI Language/zh_CN";

    [Fact]
    public async Task Township_staff_sees_only_its_own_villages_in_the_org_tree()
    {
        await using var context = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await RecordFailureAsync(page, "township-org", async () =>
        {
            await SignInAsync(page, "township-440111103");

            await page.GetByRole(AriaRole.Link, new() { Name = "组织机构", Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/Org"));

            await Expect(page.GetByText("汉塘村委会").First).ToBeVisibleAsync();
            var codes = DivisionCode().Matches(await page.Locator("main").InnerTextAsync()).Select(m => m.Value).ToList();
            var villages = codes.Where(c => c.Length == 12).ToList();
            Assert.NotEmpty(villages);
            Assert.All(villages, c => Assert.StartsWith("440111103", c));
            Assert.All(codes.Where(c => c.Length == 9), c => Assert.Equal("440111103", c));
            Assert.DoesNotContain(codes, c => c.StartsWith("440103", StringComparison.Ordinal));

            await ScreenshotAsync(page, "township-440111103-org");
        });
    }

    [Fact]
    public async Task Trainee_signs_in_on_a_phone_in_WeChat_and_sees_its_home()
    {
        var name = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "trainee-demo")
            .Select(u => u.Person!.Name).SingleAsync());
        await using var context = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
            UserAgent = WeChatIPhone,
        });
        var page = await context.NewPageAsync();
        await RecordFailureAsync(page, "trainee-home", async () =>
        {
            await SignInAsync(page, "trainee-demo");

            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("我的") }).First).ToBeVisibleAsync();
            await Expect(page.Locator("main").GetByText(name, new() { Exact = true }).First).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "首页在 390 像素宽的手机上出现横向滚动。");

            await ScreenshotAsync(page, "trainee-demo-home-phone");
        });
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        if (!page.Url.Contains("/Account/SignInCode", StringComparison.OrdinalIgnoreCase)) return;
        // City and district accounts: the second step, the code of the demo authenticator.
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(await DemoAuthenticator.NextCodeAsync(userName));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignInCode", StringComparison.OrdinalIgnoreCase));
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(app.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>On failure, keep a screenshot and the page's address and text: a red journey must say what the user saw.</summary>
    private async Task RecordFailureAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            try
            {
                await ScreenshotAsync(page, "FAILED-" + name);
                output.WriteLine($"url: {page.Url}");
                var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 2000 });
                output.WriteLine(text.Length > 2000 ? text[..2000] + "…" : text);
            }
            catch (PlaywrightException) { }
            throw;
        }
    }

    /// <summary>Division codes (6, 9 or 12 digits from 44…), not parts of longer numbers or masked ID numbers.</summary>
    [GeneratedRegex(@"(?<![\d*])44\d{4}(?:\d{3}){0,2}(?![\d*X])")]
    private static partial Regex DivisionCode();
}
