using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Study;

/// <summary>The page /Learning/Study/Quiz/{id}: drawn and scored on the server, the answers never in the page before 交卷.</summary>
[Collection(AppCollection.Name)]
public sealed class QuizTests(AppFixture app)
{
    private sealed record Started(HttpClient Learner, Trainee Trainee, int CourseId, int QuizId, string AttemptId, IHtmlDocument Page);

    private async Task<Started> StartAsync(int? maxAttempts = 2, int? minutes = null)
    {
        var (courseId, quizId) = await app.QuizCourseAsync(maxAttempts: maxAttempts, minutes: minutes);
        var trainee = await app.TraineeAsync();
        var learner = await app.SignInAsync(trainee);
        var url = $"/Learning/Study/Lesson/{quizId}";
        using var start = await learner.PostFormAsync(url, url + "?handler=Start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var attemptUrl = start.Headers.Location!.OriginalString;
        var page = await (await learner.GetAsync(attemptUrl)).ReadHtmlAsync();
        return new Started(learner, trainee, courseId, quizId, attemptUrl.Split('/')[^1], page);
    }

    /// <summary>The shown index of "对" in each question, read from the page as a browser shows it (the right answer is always "对").</summary>
    private static Dictionary<string, string> Answers(IHtmlDocument page, bool right) =>
        page.QuerySelectorAll("fieldset[data-question]").ToDictionary(
            f => "q" + f.GetAttribute("data-question"),
            f => f.QuerySelectorAll("label.option").Select((l, i) => (l, i)).First(x => x.l.TextContent.Contains("对") == right).i.ToString());

    private async Task<HttpResponseMessage> SubmitAsync(Started s, Dictionary<string, string> answers)
    {
        var token = s.Page.QuerySelector("form[data-testid=quiz-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await s.Learner.PostAsync($"/Learning/Study/Quiz/{s.AttemptId}", new FormUrlEncodedContent(new Dictionary<string, string>(answers) { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task Should_show_the_drawn_questions_without_their_answers_or_explanations()
    {
        var s = await StartAsync();

        Assert.Equal(3, s.Page.QuerySelectorAll("fieldset[data-question]").Length);
        var html = s.Page.QuerySelector("main")!.InnerHtml;
        Assert.DoesNotContain("的解析", html);
        Assert.Empty(s.Page.QuerySelectorAll(".right, [data-correct]"));
    }

    [Fact]
    public async Task Should_pass_on_the_right_answers_complete_the_course_and_credit_the_quiz_bonus()
    {
        var s = await StartAsync();

        using var response = await SubmitAsync(s, Answers(s.Page, right: true));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attempt = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.PublicId == s.AttemptId));
        Assert.Equal((100, true), (attempt.ScorePercent, attempt.Passed));
        var entry = await app.WithDbAsync(db => db.StudyLedger.SingleAsync(e => e.PersonId == s.Trainee.PersonId));
        Assert.Equal((0.5m, s.CourseId), (entry.Hours, entry.SourceId));
        var result = await (await s.Learner.GetAsync($"/Learning/Study/Quiz/{s.AttemptId}")).ReadHtmlAsync();
        Assert.Contains("的解析", result.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Should_fail_wrong_answers_and_say_which_without_revealing_the_right_ones_while_attempts_remain()
    {
        var s = await StartAsync(maxAttempts: 2);

        using (await SubmitAsync(s, Answers(s.Page, right: false))) { }
        var result = await (await s.Learner.GetAsync($"/Learning/Study/Quiz/{s.AttemptId}")).ReadHtmlAsync();

        Assert.Equal("0", result.QuerySelector("[data-testid=score]")?.TextContent);
        Assert.Equal(3, result.QuerySelectorAll("[data-correct=false]").Length);
        Assert.Empty(result.QuerySelectorAll("li.right"));
        Assert.DoesNotContain("的解析", result.QuerySelector("main")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.StudyLedger.AnyAsync(e => e.PersonId == s.Trainee.PersonId)));
    }

    [Fact]
    public async Task Should_score_nothing_past_the_time_limit()
    {
        var s = await StartAsync(minutes: 5);
        await app.WithDbAsync(db => db.QuizAttempts.Where(a => a.PublicId == s.AttemptId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.DueAt, (DateTime?)DateTime.UtcNow.AddMinutes(-2))));

        using (await SubmitAsync(s, Answers(s.Page, right: true))) { }

        var attempt = await app.WithDbAsync(db => db.QuizAttempts.SingleAsync(a => a.PublicId == s.AttemptId));
        Assert.Equal((0, false), (attempt.ScorePercent, attempt.Passed));
    }

    [Fact]
    public async Task Should_score_garbage_answers_as_wrong_without_an_error()
    {
        var s = await StartAsync();
        var garbage = s.Page.QuerySelectorAll("fieldset[data-question]").Select((f, i) => ("q" + f.GetAttribute("data-question"), new[] { "-1", "99999999999", "abc", "2147483647" }[i % 4]))
            .ToDictionary(x => x.Item1, x => x.Item2);
        garbage["q999999999"] = "0";

        using var response = await SubmitAsync(s, garbage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.QuizAttempts.Where(a => a.PublicId == s.AttemptId).Select(a => a.ScorePercent).SingleAsync()));
    }

    [Fact]
    public async Task Should_not_find_another_learners_attempt()
    {
        var s = await StartAsync();
        var other = await app.SignInAsync(await app.TraineeAsync());

        using var response = await other.GetAsync($"/Learning/Study/Quiz/{s.AttemptId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
