using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// 培训班 in Chromium: 白云区 opens a women-only class with a session today, is refused when it
/// enrols a man (the ID number's sex digit), enrols a woman, takes the session's attendance on
/// a phone in WeChat, and sees her completed; then the demo trainee, enrolled in 白云区's demo
/// class, sees on its phone the mark the district has just changed.
/// </summary>
public partial class JourneyTests
{
    [Fact]
    public async Task District_runs_a_women_only_class_takes_attendance_on_a_phone_and_the_participant_sees_the_mark()
    {
        var (womanId, woman) = await FreshWomanAsync();
        var className = "白云区村级女干部示范班" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var problems = new List<string>();

        await using var desktop = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await using var phone = await app.NewContextAsync(PhoneOptions());
        await using var traineePhone = await app.NewContextAsync(PhoneOptions());
        var district = await desktop.NewPageAsync();
        var districtPhone = await phone.NewPageAsync();
        var trainee = await traineePhone.NewPageAsync();
        foreach (var p in new[] { district, districtPhone, trainee })
        {
            // The refused enrolment answers 422 on purpose (the form comes back with the reason): Chromium logs that as an error.
            p.Console += (_, m) =>
            {
                if (m.Type == "error" && !m.Location.Contains("favicon", StringComparison.Ordinal) && !m.Text.Contains("status of 422", StringComparison.Ordinal))
                    problems.Add($"{m.Text} ({m.Location})");
            };
            p.PageError += (_, e) => problems.Add(e);
        }

        var detailsUrl = "";
        await RecordFailureAsync(district, "class-district-create", async () =>
        {
            await SignInAsync(district, "district-440111");
            await district.GotoAsync("/Classes");
            await district.GetByRole(AriaRole.Link, new() { Name = "新建培训班" }).ClickAsync();
            var form = district.Locator("[data-testid=class-form]");
            await form.GetByLabel("培训班名称").FillAsync(className);
            await form.GetByLabel("开始日期").FillAsync(Iso(today));
            await form.GetByLabel("结束日期").FillAsync(Iso(today.AddDays(30)));
            await form.GetByLabel("人数上限").FillAsync("2");
            await form.GetByLabel("性别要求（按身份证号判断）").SelectOptionAsync(new SelectOptionValue { Label = "仅限女性" });
            await form.GetByLabel("结业出勤率（%）").FillAsync("80");
            await form.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(district.Locator("[data-testid=flash]")).ToBeVisibleAsync();
            await Expect(district.Locator("[data-testid=audience]")).ToContainTextAsync("女");
            detailsUrl = district.Url;

            var session = district.Locator("[data-testid=add-session]");
            await session.GetByLabel("课次日期").FillAsync(Iso(today));
            await session.GetByLabel("课次名称").FillAsync("开班式暨第一讲");
            await session.GetByRole(AriaRole.Button, new() { Name = "添加课次" }).ClickAsync();
            await Expect(district.Locator("[data-testid=session-rows] tbody tr")).ToHaveCountAsync(1);

            // A man (the demo trainee: odd 17th digit) is refused by the sex rule, with the reason.
            await EnrolAsync(district, "何嘉明");
            await Expect(district.Locator("[data-testid=form-errors]")).ToContainTextAsync("仅限女");
            await ScreenshotAsync(district, "class-1-man-refused");
            await EnrolAsync(district, woman);
            await Expect(district.Locator("[data-testid=flash]")).ToContainTextAsync(woman);
            await Expect(district.Locator($"[data-testid=participant-rows] tr[data-person='{womanId}']")).ToHaveAttributeAsync("data-completion", nameof(ClassCompletion.InProgress));
            await Expect(district.Locator("[data-testid=enrolled]")).ToContainTextAsync("1 / 2");
        });

        // 考勤, on a phone.
        await RecordFailureAsync(districtPhone, "class-attendance-phone", async () =>
        {
            await SignInAsync(districtPhone, "district-440111");
            await districtPhone.GotoAsync(detailsUrl);
            await districtPhone.Locator("[data-testid=attendance-link]").First.ClickAsync();
            var row = districtPhone.Locator(".attendance-row").Filter(new() { HasText = woman });
            await row.ClickAsync(); // the whole row is the tap target
            await Expect(row.Locator("input[type=checkbox]")).ToBeCheckedAsync();
            await Expect(districtPhone.Locator("[data-testid=attendance-count] strong")).ToHaveTextAsync("1");
            var overflow = await districtPhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "考勤页在 390 像素宽的手机上出现横向滚动。");
            await ScreenshotAsync(districtPhone, "class-2-attendance-phone");
            await districtPhone.GetByRole(AriaRole.Button, new() { Name = "保存考勤" }).ClickAsync();
            await Expect(districtPhone.Locator("[data-testid=flash]")).ToContainTextAsync("出勤 1 人");
        });

        await RecordFailureAsync(district, "class-completed", async () =>
        {
            await district.GotoAsync(detailsUrl);
            await Expect(district.Locator($"[data-testid=participant-rows] tr[data-person='{womanId}']")).ToHaveAttributeAsync("data-completion", nameof(ClassCompletion.Completed));
            await ScreenshotAsync(district, "class-3-completed");
        });

        // The demo trainee's class: the district changes the trainee's mark on a past session, the trainee sees it.
        await RecordFailureAsync(trainee, "class-trainee-mine", async () =>
        {
            await SignInAsync(trainee, "trainee-demo");
            await trainee.GetByRole(AriaRole.Link, new() { Name = "我的培训班" }).First.ClickAsync();
            // The demo's own class (other journeys may have enrolled the trainee in classes of theirs, without marks).
            var card = trainee.Locator("[data-testid=my-class]").Filter(new() { Has = trainee.Locator("[data-testid=my-sessions] li[data-mark=Present]") }).First;
            await Expect(card).ToBeVisibleAsync();
            var classId = await card.GetAttributeAsync("data-class");
            var present = card.Locator("[data-testid=my-sessions] li[data-mark=Present]");
            var attendedBefore = await present.CountAsync();
            Assert.True(attendedBefore > 0, "演示学员在白云区培训班应已有出勤记录。");
            var sessionText = (await present.First.InnerTextAsync()).Split(' ')[0];
            await ScreenshotAsync(trainee, "class-4-trainee-before");

            await districtPhone.GotoAsync($"/Classes/Details/{classId}");
            var sessionRow = districtPhone.Locator("[data-testid=session-rows] tbody tr").Filter(new() { HasText = sessionText }).First;
            await sessionRow.Locator("[data-testid=attendance-link]").ClickAsync();
            var mark = districtPhone.Locator(".attendance-row").Filter(new() { HasText = "何嘉明" }).Locator("input[type=checkbox]");
            await Expect(mark).ToBeCheckedAsync();
            await mark.UncheckAsync();
            await districtPhone.GetByRole(AriaRole.Button, new() { Name = "保存考勤" }).ClickAsync();
            await Expect(districtPhone.Locator("[data-testid=flash]")).ToContainTextAsync("缺勤");

            await trainee.ReloadAsync();
            var card2 = trainee.Locator($"[data-testid=my-class][data-class='{classId}']");
            await Expect(card2.Locator("[data-testid=my-sessions] li[data-mark=Present]")).ToHaveCountAsync(attendedBefore - 1);
            await Expect(card2.Locator("[data-testid=my-sessions] li[data-mark=Absent]").Filter(new() { HasText = sessionText })).ToHaveCountAsync(1);
            await Expect(card2.Locator("[data-testid=my-attended]")).ToContainTextAsync($"{attendedBefore - 1} /");
            await ScreenshotAsync(trainee, "class-5-trainee-after");
        });

        Assert.True(problems.Count == 0, "浏览器报错（CSP 或脚本）：\n" + string.Join("\n", problems));
    }

    private static BrowserNewContextOptions PhoneOptions() => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
        UserAgent = WeChatIPhone,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task EnrolAsync(IPage page, string name)
    {
        var search = page.Locator("[data-testid=enrol-search]");
        await search.GetByLabel("按姓名查找").FillAsync(name);
        await search.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var found = page.Locator("[data-testid=found-rows] tbody tr").Filter(new() { HasText = name }).First;
        await found.GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
    }

    /// <summary>A woman of 汉塘村 that no other test knows: an even 17th ID digit.</summary>
    private async Task<(int Id, string Name)> FreshWomanAsync()
    {
        string? id = null;
        for (var n = 902; n < 1000 && id is null; n += 2)
        {
            var first17 = $"440111{19880612}{n:D3}";
            var candidate = first17 + ResidentId.CheckCharacter(first17);
            if (!await app.WithDbAsync(db => db.Persons.AnyAsync(p => p.IdNumber == candidate))) id = candidate;
        }
        if (id is null) throw new InvalidOperationException("没有空闲的测试身份证号。");
        var name = "";
        foreach (var candidate in new[] { "冼巾帼", "麦秀英", "邝慧敏", "区丽华", "谭婉仪" })
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
            person.AddPost(village, PostType.CommitteeMember, today.AddYears(-2));
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        return (personId, name);
    }
}
