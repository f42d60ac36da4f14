using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Training.Core.Domain;
using Training.Testing;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// From conditions to a certificate (issue 14): 白云区 sets its class's graduation conditions in the browser (a quiz
/// to pass), the demo trainee, enrolled, sees on its phone what is missing, passes the quiz, and its class says
/// 已结业; it downloads its certificate, and the address in the PDF's QR code, opened by a stranger, says valid.
/// </summary>
public partial class JourneyTests
{
    [Fact]
    public async Task District_sets_conditions_the_participant_meets_them_on_a_phone_and_graduates()
    {
        var (classId, className, quizTitle, answers) = await ClassWithQuizAsync();
        var problems = new List<string>();
        var verifyUrl = "";

        await using var desktop = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var district = await desktop.NewPageAsync();
        district.PageError += (_, e) => problems.Add(e);
        await RecordFailureAsync(district, "conditions-district", async () =>
        {
            await SignInAsync(district, "district-440111");
            await district.GotoAsync($"/Classes/Details/{classId}");
            await district.GetByTestId("class-conditions").ClickAsync();
            var form = district.GetByTestId("conditions-form");
            await form.GetByLabel(quizTitle).CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "保存结业条件" }).ClickAsync();
            await Expect(district.Locator("[data-testid=flash]")).ToContainTextAsync("结业条件");
            await Expect(district.GetByTestId("conditions")).ToContainTextAsync(quizTitle);
        });

        await using var phone = await app.NewContextAsync(PhoneOptions());
        var trainee = await phone.NewPageAsync();
        trainee.PageError += (_, e) => problems.Add(e);
        trainee.Dialog += async (_, d) => await d.AcceptAsync(); // 交卷 asks to confirm
        await RecordFailureAsync(trainee, "conditions-trainee", async () =>
        {
            await SignInAsync(trainee, "trainee-demo");
            await trainee.GotoAsync("/Classes/Mine");
            var card = trainee.Locator($"[data-testid=my-class][data-class='{classId}']");
            await Expect(card.GetByTestId("my-completion")).ToHaveAttributeAsync("data-completion", nameof(ClassCompletion.InProgress));
            var line = card.Locator("[data-testid=my-checklist] li[data-condition=Quiz]");
            await Expect(line).ToHaveAttributeAsync("data-met", "false");
            await ScreenshotAsync(trainee, "conditions-checklist-phone");

            await line.GetByRole(AriaRole.Link, new() { Name = "去测验" }).ClickAsync();
            await trainee.GetByTestId("start-quiz").ClickAsync();
            foreach (var fieldset in await trainee.Locator("fieldset[data-question]").AllAsync())
            {
                var id = int.Parse((await fieldset.GetAttributeAsync("data-question"))!, CultureInfo.InvariantCulture);
                foreach (var option in await fieldset.Locator("label.option").AllAsync())
                {
                    var words = Regex.Replace((await option.InnerTextAsync()).Trim(), "^[A-H]\\.\\s*", "");
                    if (answers[id].Contains(words)) await option.ClickAsync();
                }
            }
            await trainee.GetByTestId("submit-quiz").ClickAsync();
            await Expect(trainee.GetByTestId("score")).ToHaveTextAsync("100");

            await trainee.GotoAsync("/Classes/Mine");
            await Expect(card.GetByTestId("my-completion")).ToHaveAttributeAsync("data-completion", nameof(ClassCompletion.Completed));
            await Expect(card.Locator("[data-testid=my-checklist] li[data-met=false]")).ToHaveCountAsync(0);
            Assert.False(await trainee.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "我的培训班在手机上出现横向滚动。");
            await ScreenshotAsync(trainee, "conditions-graduated-phone");

            // 下载结业证书: issued on the first download; the PDF's QR code names the public verification page.
            var download = await trainee.RunAndWaitForDownloadAsync(() => card.GetByTestId("issue-certificate").Locator("button").ClickAsync());
            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
            verifyUrl = CertificateReader.QrText(pdf) ?? "";
            Assert.Contains("/Verify/", verifyUrl, StringComparison.Ordinal);
        });

        // The QR code's address opened by anyone, signed in or not: the certificate is valid, the name masked.
        await using var anonymous = await app.NewContextAsync(PhoneOptions());
        var stranger = await anonymous.NewPageAsync();
        await RecordFailureAsync(stranger, "certificate-verify", async () =>
        {
            var response = await stranger.GotoAsync(verifyUrl);
            Assert.Equal(200, response!.Status);
            await Expect(stranger.GetByTestId("verify-result")).ToHaveAttributeAsync("data-valid", "true");
            await Expect(stranger.GetByTestId("verify-class")).ToHaveTextAsync(className);
            var name = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "trainee-demo").Select(u => u.Person!.Name).SingleAsync());
            await Expect(stranger.GetByTestId("verify-name")).Not.ToHaveTextAsync(name);
            await Expect(stranger.GetByTestId("verify-name")).ToContainTextAsync("*");
            await ScreenshotAsync(stranger, "certificate-verify-phone");
        });
        Assert.Empty(problems);
    }

    /// <summary>
    /// A 白云区 class with trainee-demo enrolled and no session, and a city course that is one quiz (earning no 学时, so
    /// the trainee's hours stay as other journeys expect them); the quiz's title as the conditions page lists it and
    /// each question's right options.
    /// </summary>
    private async Task<(int ClassId, string ClassName, string QuizTitle, Dictionary<int, List<string>> Answers)> ClassWithQuizAsync()
    {
        var stamp = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return await app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Code == "440100");
            var baiyun = await db.OrgUnits.SingleAsync(u => u.Code == "440111");
            var course = Course.Create(city, "结业测验课" + stamp, CourseCategory.PartyBuilding, null, quizEarnsHours: false);
            var quiz = course.AddQuiz("结业测验", QuizRules.Create(2, 60, null, null), optional: false);
            course.Publish();
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            var bank = new[]
            {
                Question.Create(course.Id, QuestionKind.Single, "村民委员会每届任期几年？", ["三年", "五年", "四年"], [1], null),
                Question.Create(course.Id, QuestionKind.Single, "村务公开至少多久一次？", ["每季度", "每五年", "每十年"], [0], null),
            };
            db.Questions.AddRange(bank);
            var trainee = await db.Users.Where(u => u.UserName == "trainee-demo").Select(u => u.PersonId!.Value).SingleAsync();
            var person = await db.Persons.Include(p => p.Village).Include(p => p.Posts).SingleAsync(p => p.Id == trainee);
            var name = "白云区结业证书示范班" + stamp;
            var c = TrainingClass.Create(baiyun, name, today.AddDays(-5), today.AddDays(25), 30, null, ClassAudience.Any, 80, null, "e2e", DateTime.UtcNow);
            c.Enroll(person, [], "e2e", today, DateTime.UtcNow);
            db.TrainingClasses.Add(c);
            await db.SaveChangesAsync();
            return (c.Id, name, $"{course.Title} · {quiz.Title}",
                bank.ToDictionary(q => q.Id, q => q.Correct.Select(i => q.Options[i]).ToList()));
        });
    }
}
