using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Web.Features.Demo;
using Training.Web.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// The degree program end to end (issue 4): a trainee applies on a phone, the township, the
/// district and the city approve in turn, the school records graduation, and the trainee sees
/// it. And: a township returns an application, the trainee corrects it and resubmits.
/// </summary>
public partial class JourneyTests
{
    [Fact]
    public async Task Trainee_applies_on_a_phone_and_is_approved_admitted_and_graduated()
    {
        await using var phone = await app.NewContextAsync(PhoneInWeChat());
        var trainee = await NewPageAsync(phone);
        await RecordFailureAsync(trainee, "degree-apply", async () =>
        {
            await SignInAsync(trainee, DemoData.TraineeUserName);
            await ApplyAtFirstSchoolAsync(trainee);
            await Expect(trainee.GetByTestId("state")).ToHaveTextAsync("已提交");
            await ScreenshotAsync(trainee, "degree-1-trainee-submitted-phone");
        });

        await ReviewAsync("township-440111103", DemoData.TraineeName, "审核通过", "镇（街）审核通过", "degree-2-township");
        await ReviewAsync("district-440111", DemoData.TraineeName, "区审核通过", "区审核通过", "degree-3-district");
        await ReviewAsync("city", DemoData.TraineeName, "录取", "市录取", "degree-4-city");

        await using (var desk = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } }))
        {
            var school = await NewPageAsync(desk);
            await RecordFailureAsync(school, "degree-school", async () =>
            {
                await SignInAsync(school, "school-1");
                await school.GotoAsync("/School?q=" + Uri.EscapeDataString(DemoData.TraineeName));
                await school.Locator("main").GetByRole(AriaRole.Link, new() { Name = DemoData.TraineeName }).First.ClickAsync();
                await school.WaitForURLAsync(new Regex("/School/Details/"));
                await school.GetByLabel("毕业日期").FillAsync(TimeProvider.System.Today().ToString("yyyy-MM-dd"));
                await school.GetByLabel("毕业证书编号").FillAsync("GZCP-E2E-0001");
                await school.GetByRole(AriaRole.Button, new() { Name = "登记毕业" }).ClickAsync();
                await Expect(school.Locator("main")).ToContainTextAsync("已毕业");
                await ScreenshotAsync(school, "degree-5-school-graduation");
            });
        }

        await RecordFailureAsync(trainee, "degree-graduated", async () =>
        {
            await trainee.GotoAsync("/Apply/Mine");
            await Expect(trainee.GetByTestId("state").First).ToHaveTextAsync("已毕业");
            await trainee.GotoAsync("/");
            await Expect(trainee.Locator("main")).ToContainTextAsync("大专");
            await ScreenshotAsync(trainee, "degree-6-trainee-graduated-phone");
        });
        var education = await app.WithDbAsync(db => db.Persons.Where(p => p.IdNumber == DemoData.TraineeIdNumber)
            .Select(p => new { p.Education, History = p.EducationHistory.Count }).SingleAsync());
        Assert.Equal(Training.Core.Domain.Education.Associate, education.Education);
        Assert.True(education.History >= 2, "学历变化应保留原学历和毕业记录。");
    }

    [Fact]
    public async Task Township_returns_an_application_and_the_trainee_corrects_and_resubmits()
    {
        await using var phone = await app.NewContextAsync(PhoneInWeChat());
        var trainee = await NewPageAsync(phone);
        await RecordFailureAsync(trainee, "return-register", async () =>
        {
            // A reserve of 汉塘村委会 without an account registers first, as trainees do.
            await trainee.GotoAsync("/Account/Register");
            await trainee.GetByLabel("身份证号").FillAsync(DemoData.RegistrableIdNumber);
            await trainee.GetByLabel("姓名").FillAsync(DemoData.RegistrableName);
            await trainee.GetByLabel("手机号").FillAsync(DemoData.RegistrablePhone);
            await trainee.GetByLabel("用户名").FillAsync("liangxiaotong");
            await trainee.GetByLabel("密码", new() { Exact = true }).FillAsync("Liang@2026");
            await trainee.GetByLabel("确认密码").FillAsync("Liang@2026");
            await trainee.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
            await trainee.WaitForURLAsync(url => !url.Contains("/Account/Register", StringComparison.OrdinalIgnoreCase));
            await ApplyAtFirstSchoolAsync(trainee);
            await Expect(trainee.GetByTestId("state")).ToHaveTextAsync("已提交");
        });

        await using (var desk = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } }))
        {
            var township = await NewPageAsync(desk);
            await RecordFailureAsync(township, "return-township", async () =>
            {
                await SignInAsync(township, "township-440111103");
                await OpenApplicationAsync(township, DemoData.RegistrableName);
                await township.GetByLabel("退回修改的理由（必填，学员可见）").FillAsync("请核对报读专业");
                await township.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
                await Expect(township.Locator("main")).ToContainTextAsync("退回修改");
                await ScreenshotAsync(township, "return-1-township-returned");
            });
        }

        await RecordFailureAsync(trainee, "return-resubmit", async () =>
        {
            await trainee.GotoAsync("/Apply/Mine");
            await Expect(trainee.Locator("main")).ToContainTextAsync("请核对报读专业");
            await trainee.Locator("main").GetByRole(AriaRole.Link).Filter(new() { HasTextRegex = new Regex("查看|修改|详情") }).First.ClickAsync();
            await trainee.WaitForURLAsync(new Regex("/Apply/Details/"));
            await ScreenshotAsync(trainee, "return-2-trainee-sees-reason-phone");
            await trainee.GetByTestId("submit").ClickAsync();
            await Expect(trainee.GetByTestId("state")).ToHaveTextAsync("已提交");
        });

        var steps = await app.WithDbAsync(db => db.Enrollments
            .Where(e => e.Person.IdNumber == DemoData.RegistrableIdNumber)
            .SelectMany(e => e.Transitions).OrderBy(t => t.Id).Select(t => t.Action).ToListAsync());
        Assert.Equal(
            [Training.Core.Domain.EnrollmentAction.Submit, Training.Core.Domain.EnrollmentAction.Return, Training.Core.Domain.EnrollmentAction.Submit],
            steps);
    }

    private static BrowserNewContextOptions PhoneInWeChat() => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        UserAgent = WeChatIPhone,
    };

    /// <summary>A page that answers 确定 to every confirmation, as the user would.</summary>
    private static async Task<IPage> NewPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return page;
    }

    /// <summary>From 在线报名: the open cohort's first 大专 program at the first partner school (school-1's), then 提交报名.</summary>
    private static async Task ApplyAtFirstSchoolAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "在线报名", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Apply"));
        var offer = page.Locator("li.offer[data-eligible=true]").Filter(new() { HasText = DemoData.FirstSchoolName })
            .Filter(new() { HasText = "大专" }).First;
        await offer.GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Apply/Details/"));
        await page.GetByTestId("submit").ClickAsync();
    }

    private async Task ReviewAsync(string userName, string applicant, string button, string step, string screenshot)
    {
        await using var desk = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await NewPageAsync(desk);
        await RecordFailureAsync(page, screenshot, async () =>
        {
            await SignInAsync(page, userName);
            await OpenApplicationAsync(page, applicant);
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(step);
            await ScreenshotAsync(page, screenshot);
        });
    }

    /// <summary>报名审核 → the queue → the applicant's application.</summary>
    private static async Task OpenApplicationAsync(IPage page, string applicant)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "报名审核", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Reviews"));
        await page.GotoAsync(page.Url + (page.Url.Contains('?') ? "&" : "?") + "q=" + Uri.EscapeDataString(applicant));
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = applicant, Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Reviews/Details/"));
    }
}
