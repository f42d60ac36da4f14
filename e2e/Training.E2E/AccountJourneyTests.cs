using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// 密码申请 in Chromium (issue 16 §4): 人和镇 opens an account for a village without a password; its owner, on a phone,
/// asks for one and reads the code to the township; once the township confirms it, the owner's waiting page turns into
/// the password form by itself (htmx asks every 5 s), and the owner signs in with the password only they know.
/// </summary>
public partial class JourneyTests
{
    [Fact]
    public async Task A_new_village_account_gets_its_first_password_from_its_owner_after_the_township_confirms_the_code()
    {
        var userName = "xinxing-" + Guid.NewGuid().ToString("N")[..6];
        const string password = "Xinxing-Cun-2026";
        await using var townshipContext = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var ownerContext = await app.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, UserAgent = WeChatIPhone,
        });
        var township = await townshipContext.NewPageAsync();
        var owner = await ownerContext.NewPageAsync();
        await RecordFailureAsync(township, "password-request", async () =>
        {
            await SignInAsync(township, "township-440111103");
            await township.GotoAsync("/Admin/Users/Create");
            await township.GetByLabel("单位代码").FillAsync("440111103202");
            await township.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
            await township.GetByLabel("使用人姓名或岗位").FillAsync("新兴村党支部");
            await township.GetByRole(AriaRole.Button, new() { Name = "开设账号" }).ClickAsync();
            await Expect(township.GetByTestId("handover")).ToContainTextAsync(userName);

            await owner.GotoAsync("/Account/Login");
            await owner.GetByRole(AriaRole.Link, new() { Name = "首次登录或忘记密码" }).ClickAsync();
            await owner.GetByLabel("用户名").FillAsync(userName);
            await owner.GetByRole(AriaRole.Button, new() { Name = "获取确认码" }).ClickAsync();
            var code = (await owner.GetByTestId("recover-code").InnerTextAsync()).Trim();
            Assert.Matches(@"^\d{4} \d{4}$", code);
            await ScreenshotAsync(owner, "password-request-code-phone");

            await township.GetByRole(AriaRole.Link, new() { Name = "查看该账号" }).ClickAsync();
            await township.GetByLabel("确认码").FillAsync(code);
            await township.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
            await Expect(township.GetByText("已确认")).ToBeVisibleAsync();

            // No reload: the waiting page asks the server again and shows the form once confirmed.
            await Expect(owner.GetByLabel("新密码", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await owner.GetByLabel("新密码", new() { Exact = true }).FillAsync(password);
            await owner.GetByLabel("确认新密码").FillAsync(password);
            await owner.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
            await owner.WaitForURLAsync(new Regex("/Account/Login"));
            await owner.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
            await owner.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
            await owner.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await owner.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
            await Expect(owner.Locator("main")).ToContainTextAsync("新兴村");
        });
    }
}
