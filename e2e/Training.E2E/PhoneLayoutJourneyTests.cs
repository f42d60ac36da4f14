using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// The reserve-development pages as the people who use them on a phone in WeChat see them:
/// the township (mentoring, shadowing, a pair and a reserve), the district (classes) and the
/// trainee (its classes and its own record), and the learning pages of the trainee and the district (conditions, certificates, 学习统计, 线下学时, 通知公告 included). Every page opens without a browser error and
/// without sideways scrolling at 390 px.
/// </summary>
public partial class JourneyTests
{
    [Fact]
    public async Task Reserve_development_pages_fit_a_phone_for_the_township_the_district_and_the_trainee()
    {
        const string township = "/440100/440111/440111103/";
        var (courseId, assignmentId) = await app.WithDbAsync(async db => (
            await db.Courses.Where(c => c.Owner.Code == "440111" && c.State == CourseState.Published).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Assignments.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync()));
        var (pairId, reserveId, shadowingId, classId, traineeId) = await app.WithDbAsync(async db => (
            await db.MentorPairs.Where(p => p.Reserve.Village.Path.StartsWith(township)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Reserves.Where(r => r.Village.Path.StartsWith(township) && r.State == ReserveState.InPool).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            await db.Shadowings.Where(s => s.Reserve.Village.Path.StartsWith(township)).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            await db.TrainingClasses.Where(c => c.Owner.Code == "440111").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Users.Where(u => u.UserName == "trainee-demo").Select(u => u.PersonId!.Value).SingleAsync()));

        var visits = new (string Account, string Url, string Heading)[]
        {
            ("township-440111103", "/Mentoring", "结对帮带"),
            ("township-440111103", "/Mentoring?Overdue=true", "结对帮带"),
            ("township-440111103", $"/Mentoring/Detail?id={pairId}", ""),
            ("township-440111103", $"/Mentoring/New?reserveId={reserveId}", ""),
            ("township-440111103", "/Shadowing", "跟班学习"),
            ("township-440111103", $"/Shadowing/Detail?id={shadowingId}", ""),
            ("township-440111103", $"/Reserves/Detail?id={reserveId}", ""),
            ("district-440111", "/Classes", "培训班"),
            ("district-440111", $"/Classes/Details/{classId}", ""),
            ("trainee-demo", "/Classes/Mine", "我的培训班"),
            ("trainee-demo", "/Learning/Study", "在线学习"),
            ("trainee-demo", $"/Learning/Study/Course/{courseId}", ""),
            ("trainee-demo", "/Learning/Hours", "我的学时"),
            ("district-440111", "/Learning/Courses", "课程管理"),
            ("district-440111", $"/Learning/Courses/Details/{courseId}", ""),
            ("district-440111", "/Learning/Assignments", "学习任务"),
            ("district-440111", $"/Learning/Assignments/Details/{assignmentId}", ""),
            ("trainee-demo", $"/Persons/Details/{traineeId}", ""),
            ("district-440111", $"/Classes/Conditions/{classId}", "结业条件"),
            ("district-440111", $"/Certificates/Class/{classId}", ""),
            ("district-440111", "/Learning/Reports", ""),
            ("township-440111103", "/Learning/Reports", ""),
            ("district-440111", "/Learning/Offline", ""),
            ("district-440111", "/Notices/Manage", ""),
            ("trainee-demo", "/Notices", ""),
        };

        var problems = new List<string>();
        foreach (var group in visits.GroupBy(v => v.Account))
        {
            await using var context = await app.NewContextAsync(PhoneOptions());
            var page = await context.NewPageAsync();
            page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon", StringComparison.Ordinal)) problems.Add($"{page.Url}: {m.Text}"); };
            page.PageError += (_, e) => problems.Add($"{page.Url}: {e}");
            await SignInAsync(page, group.Key);
            foreach (var (_, url, heading) in group)
            {
                var shot = "phone-" + group.Key + url.Replace('/', '-').Replace('?', '-').Replace('=', '-');
                await RecordFailureAsync(page, shot, async () =>
                {
                    var response = await page.GotoAsync(url);
                    Assert.Equal(200, response!.Status);
                    if (heading.Length > 0)
                        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
                    var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                    Assert.False(overflow, $"{url} 在 390 像素宽的手机上出现横向滚动（{group.Key}）。");
                    // What the phone shows first (a full page of a long list is too tall to review).
                    await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotFolder, shot + ".png") });
                });
            }
        }
        Assert.True(problems.Count == 0, "浏览器报错：\n" + string.Join("\n", problems));
    }
}
