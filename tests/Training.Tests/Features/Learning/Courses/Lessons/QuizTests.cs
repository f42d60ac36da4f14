using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses.Lessons;

/// <summary>The page /Learning/Courses/Lessons/Quiz/{courseId}.</summary>
[Collection(AppCollection.Name)]
public sealed class QuizTests(AppFixture app)
{
    private async Task<HttpResponseMessage> PostAsync(int courseId, string draw, string attempts)
    {
        var url = $"/Learning/Courses/Lessons/Quiz/{courseId}";
        var version = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.Version).SingleAsync());
        return await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(url, url, new Dictionary<string, string>
        {
            ["Version"] = version.ToString(), ["Input.Title"] = "结课测验", ["Quiz.DrawCount"] = draw, ["Quiz.PassPercent"] = "80%",
            ["Quiz.MaxAttempts"] = attempts, ["Quiz.TimeLimitMinutes"] = "",
        });
    }

    [Fact]
    public async Task Should_add_a_quiz_with_its_rules_and_go_on_to_its_bank()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);

        using var response = await PostAsync(course.Id, "5", "");

        Assert.Equal($"/Learning/Courses/Quiz/Bank/{course.Id}", response.Headers.Location?.OriginalString);
        var quiz = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Kind == LessonKind.Quiz));
        Assert.Equal(QuizRules.Create(5, 80, null, null), quiz.Rules);
    }

    [Theory]
    [InlineData("0", "")]
    [InlineData("五", "")]
    [InlineData("5", "99")]
    public async Task Should_refuse_rules_out_of_range_and_add_nothing(string draw, string attempts)
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);

        using var response = await PostAsync(course.Id, draw, attempts);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Lessons.AnyAsync(l => l.CourseId == course.Id && l.Kind == LessonKind.Quiz)));
    }
}
