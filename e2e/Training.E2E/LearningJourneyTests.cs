using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// Learning on a phone in WeChat (issue 13): trainee-demo opens the course its class was assigned
/// from its home, reads the text lesson (visible time, then 已学完), plays the short video to the
/// end, passes the quiz, and sees its 学时 rise on its home; the township then sees the completion
/// in the assignment's list. Every second was measured by the server, so the journey waits real time.
/// </summary>
public partial class JourneyTests
{
    private const string JourneyCourse = "白云区村干部履职实务";

    [Fact]
    public async Task Trainee_studies_an_assigned_course_on_a_phone_and_the_township_sees_it_completed()
    {
        var (villageCode, personName, assignmentId, answers) = await app.WithDbAsync(async db =>
        {
            var person = await db.Users.Where(u => u.UserName == "trainee-demo").Select(u => new { u.Person!.Name, u.Person.Village.Code }).SingleAsync();
            var courseId = await db.Courses.Where(c => c.Title == JourneyCourse).Select(c => c.Id).SingleAsync();
            var assignment = await db.Assignments.Where(a => a.CourseId == courseId).Select(a => a.Id).SingleAsync();
            var bank = await db.Questions.Where(q => q.CourseId == courseId).ToListAsync();
            return (person.Code, person.Name, assignment, bank.ToDictionary(q => q.Id, q => q.Correct.Select(i => q.Options[i]).ToList()));
        });

        await using var context = await app.NewContextAsync(PhoneOptions());
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add($"{page.Url}: {e}");
        page.Dialog += async (_, d) => await d.AcceptAsync();
        await RecordFailureAsync(page, "learning-phone", async () =>
        {
            await SignInAsync(page, "trainee-demo");
            var before = decimal.Parse(await page.GetByTestId("required-hours").InnerTextAsync());

            await page.GetByTestId("due").GetByRole(AriaRole.Link, new() { Name = JourneyCourse }).ClickAsync();
            await page.GetByTestId("continue").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "履职导读", Level = 1 })).ToBeVisibleAsync();

            // The text earns its time only while the page is visible: one heartbeat interval covers 60% of it.
            await page.WaitForTimeoutAsync(16_000);
            await page.GetByTestId("mark-read").ClickAsync();
            await Expect(page.GetByTestId("lesson-completed")).ToBeVisibleAsync();

            await page.GetByTestId("next-lesson").ClickAsync();
            var video = page.Locator("video");
            await Expect(video).ToHaveAttributeAsync("x5-playsinline", "");
            await video.EvaluateAsync("v => v.play()");
            await page.WaitForFunctionAsync("() => document.querySelector('video').ended", null, new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("study-status")).ToContainTextAsync("本课时已学完", new() { Timeout = 10_000 });
            await ScreenshotAsync(page, "learning-video-phone");

            await page.GetByTestId("next-lesson").ClickAsync();
            await page.GetByTestId("start-quiz").ClickAsync();
            foreach (var fieldset in await page.Locator("fieldset[data-question]").AllAsync())
            {
                var id = int.Parse((await fieldset.GetAttributeAsync("data-question"))!);
                // As a learner reads it: the option whose words are right, wherever the shuffle put it.
                foreach (var option in await fieldset.Locator("label.option").AllAsync())
                {
                    var words = Regex.Replace((await option.InnerTextAsync()).Trim(), "^[A-H]\\.\\s*", "");
                    if (answers[id].Contains(words)) await option.ClickAsync();
                }
            }
            await ScreenshotAsync(page, "learning-quiz-phone");
            await page.GetByTestId("submit-quiz").ClickAsync();
            await Expect(page.GetByTestId("score")).ToHaveTextAsync("100");
            await Expect(page.Locator("main [role=status]").First).ToContainTextAsync("计入 1 学时");

            await page.GotoAsync("/");
            await Expect(page.GetByTestId("required-hours")).ToHaveTextAsync((before + 1).ToString("0.##"));
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "首页在手机上出现横向滚动。");
            await ScreenshotAsync(page, "learning-trainee-home-after");
        });

        // Whoever runs the trainee's township (the demo's accounts cover 人和镇; otherwise the district) sees it done.
        var staff = villageCode.StartsWith("440111103", StringComparison.Ordinal) ? "township-440111103" : "district-440111";
        await using var staffContext = await app.NewContextAsync(PhoneOptions());
        var staffPage = await staffContext.NewPageAsync();
        await RecordFailureAsync(staffPage, "learning-township", async () =>
        {
            await SignInAsync(staffPage, staff);
            await staffPage.GotoAsync($"/Learning/Assignments/Details/{assignmentId}?q={Uri.EscapeDataString(personName)}");
            await Expect(staffPage.Locator("[data-testid=member-rows] tr", new() { HasText = personName }).GetByTestId("standing")).ToHaveTextAsync("已完成");
        });
        Assert.True(problems.Count == 0, "浏览器报错：\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_pdf_lesson_is_drawn_inside_the_lesson_page_on_a_phone()
    {
        var lessonId = await app.WithDbAsync(db => db.Lessons.Where(l => l.Kind == LessonKind.File).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        await using var context = await app.NewContextAsync(PhoneOptions());
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add($"{page.Url}: {e}");
        await RecordFailureAsync(page, "learning-pdf-phone", async () =>
        {
            await SignInAsync(page, "trainee-demo");
            await page.GotoAsync($"/Learning/Study/Lesson/{lessonId}");

            // WeChat on Android shows no PDF inline: pdf.js draws every page into the lesson page itself.
            await Expect(page.Locator("[data-testid=pdf] canvas")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
            Assert.True(await page.Locator("[data-testid=pdf] canvas").First.EvaluateAsync<bool>("c => c.width > 300"));
            await ScreenshotAsync(page, "learning-pdf-phone");
        });
        Assert.True(problems.Count == 0, "浏览器报错：\n" + string.Join("\n", problems));
    }
}
