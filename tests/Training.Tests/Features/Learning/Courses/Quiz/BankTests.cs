using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Courses.Quiz;

/// <summary>The page /Learning/Courses/Quiz/Bank/{courseId}.</summary>
[Collection(AppCollection.Name)]
public sealed class BankTests(AppFixture app)
{
    private static string Url(int courseId) => $"/Learning/Courses/Quiz/Bank/{courseId}";

    [Theory]
    [InlineData("Multiple", "ac", new[] { 0, 2 })]
    [InlineData("TrueFalse", "错误", new[] { 1 })]
    public async Task Should_add_a_question_with_its_answer_as_letters_or_words(string kind, string answer, int[] correct)
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Add",
            new Dictionary<string, string>
            {
                ["Input.Kind"] = kind, ["Input.Stem"] = "题目" + kind, ["Input.Options[0]"] = "甲", ["Input.Options[1]"] = "乙", ["Input.Options[2]"] = "丙",
                ["Input.Answer"] = answer, ["Input.Explanation"] = "解析",
            });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var q = await app.WithDbAsync(db => db.Questions.SingleAsync(x => x.CourseId == course.Id));
        Assert.Equal(correct, q.Correct);
    }

    [Fact]
    public async Task Should_keep_the_form_and_say_why_when_the_answer_cannot_be_read()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(Url(course.Id), Url(course.Id) + "?handler=Add",
            new Dictionary<string, string> { ["Input.Kind"] = "Single", ["Input.Stem"] = "保留的题目", ["Input.Options[0]"] = "甲", ["Input.Options[1]"] = "乙", ["Input.Answer"] = "甲" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("选项字母", page.Body!.TextContent);
        Assert.Equal("保留的题目", page.QuerySelector("textarea[name='Input.Stem']")?.TextContent);
    }

    [Fact]
    public async Task Should_keep_a_question_an_attempt_drew()
    {
        var (courseId, quizId) = await app.QuizCourseAsync(bank: 3, draw: 3);
        var learner = await app.SignInAsync(await app.TraineeAsync());
        using (await learner.PostFormAsync($"/Learning/Study/Lesson/{quizId}", $"/Learning/Study/Lesson/{quizId}?handler=Start", new Dictionary<string, string>())) { }
        var questionId = await app.WithDbAsync(db => db.Questions.Where(q => q.CourseId == courseId).Select(q => q.Id).FirstAsync());

        using var response = await (await app.SignInAsync(DemoAccounts.City)).PostFormAsync(Url(courseId), Url(courseId) + "?handler=Remove",
            new Dictionary<string, string> { ["QuestionId"] = questionId.ToString() });

        Assert.True(await app.WithDbAsync(db => db.Questions.AnyAsync(q => q.Id == questionId)));
    }

    [Fact]
    public async Task Should_not_find_another_districts_bank()
    {
        var other = await app.CourseAsync(ownerCode: "440103");

        using var response = await (await app.SignInAsync(DemoAccounts.District)).GetAsync(Url(other.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
