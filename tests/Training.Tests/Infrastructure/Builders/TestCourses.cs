using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>A course with its lesson ids, as the learning tests build it.</summary>
public sealed record TestCourse(int Id, string Title, int VideoId, int TextId);

/// <summary>What the heartbeat answered (its JSON), with the status.</summary>
public sealed record Beat(HttpStatusCode Status, double Credited, double CreditedTotal, double Furthest, bool Completed, bool Newest, decimal? CourseHours);

/// <summary>An opened lesson page: the playback id it issued and the antiforgery token the player sends back.</summary>
public sealed record OpenedLesson(int LessonId, string PlaybackId, string Token, IHtmlDocument Page);

public static class TestCourses
{
    /// <summary>
    /// A published course of <paramref name="ownerCode"/> (the city by default, so every trainee may study it):
    /// a required video of <paramref name="videoSeconds"/> and an optional text, unless said otherwise.
    /// </summary>
    public static Task<TestCourse> CourseAsync(this AppFixture app, string ownerCode = "440100", int videoSeconds = 600,
        bool publish = true, bool textRequired = false) =>
        app.WithDbAsync(async db =>
        {
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var course = Course.Create(owner, "测试课程" + Guid.NewGuid().ToString("N")[..6], CourseCategory.RuralRevitalisation, null, false);
            var video = course.AddVideo("专题讲座", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + ".mp4", 1000, videoSeconds, optional: false);
            var text = course.AddText("导读", new string('学', 300), optional: !textRequired); // one minute of reading
            if (publish) course.Publish();
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return new TestCourse(course.Id, course.Title, video.Id, text.Id);
        });

    /// <summary>
    /// A published city course whose one required lesson is a quiz drawing <paramref name="draw"/> of its
    /// <paramref name="bank"/> single-choice questions (the right answer is always the option "对"), passing at
    /// <paramref name="passPercent"/>, with the quiz bonus. Its id and the quiz lesson's.
    /// </summary>
    public static Task<(int CourseId, int QuizId)> QuizCourseAsync(this AppFixture app, int bank = 4, int draw = 3, int passPercent = 60,
        int? maxAttempts = 2, int? minutes = null) =>
        app.WithDbAsync(async db =>
        {
            var city = await db.OrgUnits.SingleAsync(u => u.Code == "440100");
            var course = Course.Create(city, "测验课程" + Guid.NewGuid().ToString("N")[..6], CourseCategory.LawsAndRegulations, null, quizEarnsHours: true);
            var quiz = course.AddQuiz("课程测验", QuizRules.Create(draw, passPercent, maxAttempts, minutes), optional: false);
            course.Publish();
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            for (var i = 0; i < bank; i++)
                db.Questions.Add(Question.Create(course.Id, QuestionKind.Single, $"第{i + 1}题：哪一项正确？", ["错一", "对", "错二", "错三"], [1], $"第{i + 1}题的解析"));
            await db.SaveChangesAsync();
            return (course.Id, quiz.Id);
        });

    /// <summary>Opens a lesson as the learner's browser does: the page issues a playback id.</summary>
    public static async Task<OpenedLesson> OpenLessonAsync(this HttpClient learner, int lessonId)
    {
        using var response = await learner.GetAsync($"/Learning/Study/Lesson/{lessonId}");
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"lesson {lessonId} answered {(int)response.StatusCode}.");
        var page = await response.ReadHtmlAsync();
        var player = page.QuerySelector("#player")!;
        var token = page.QuerySelector("#heartbeat-token input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return new OpenedLesson(lessonId, player.GetAttribute("data-playback-id") ?? "", token, page);
    }

    /// <summary>Sends one heartbeat exactly as the contract says (form fields and the antiforgery token), whatever it claims.</summary>
    public static async Task<Beat> BeatAsync(this HttpClient learner, OpenedLesson lesson, double position, string state,
        string? playbackId = null, int? lessonId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["lessonId"] = (lessonId ?? lesson.LessonId).ToString(CultureInfo.InvariantCulture),
            ["playbackId"] = playbackId ?? lesson.PlaybackId,
            ["position"] = position.ToString(CultureInfo.InvariantCulture),
            ["state"] = state,
            ["__RequestVerificationToken"] = lesson.Token,
        };
        using var response = await learner.PostAsync("/Learning/Heartbeat", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.OK) return new Beat(response.StatusCode, 0, 0, 0, false, false, null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var r = json.RootElement;
        return new Beat(response.StatusCode, r.GetProperty("credited").GetDouble(), r.GetProperty("creditedTotal").GetDouble(),
            r.GetProperty("furthest").GetDouble(), r.GetProperty("completed").GetBoolean(), r.GetProperty("newest").GetBoolean(),
            r.GetProperty("courseHours").ValueKind == JsonValueKind.Number ? r.GetProperty("courseHours").GetDecimal() : null);
    }

    /// <summary>
    /// Lets <paramref name="seconds"/> pass on the server for this playback, as if its previous heartbeat had come that
    /// much earlier: the tests run in real time and cannot wait 15 s between beats.
    /// </summary>
    public static Task AgeAsync(this AppFixture app, OpenedLesson lesson, double seconds) =>
        app.WithDbAsync(async db =>
        {
            var p = await db.Playbacks.AsNoTracking().SingleAsync(x => x.PublicId == lesson.PlaybackId);
            DateTime? earlier = (p.LastBeatAt ?? p.OpenedAt).AddSeconds(-seconds);
            return await db.Playbacks.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastBeatAt, earlier));
        });
}
