using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Infrastructure;

using Training.Tests.Infrastructure.Builders;

// Not "…Features.Degree.School": that namespace would hide Training.Core.Domain.School in the other test folders.
namespace Training.Tests.Features.Degree.Registrar;

/// <summary>The page /School/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : RegistrarTestBase(appArg)
{
    [Fact]
    public async Task Should_raise_high_school_to_associate_on_graduation_with_a_dated_history_entry()
    {
        var e = await app.AdmittedAsync(education: Education.HighSchool);
        var client = await app.SignInAsync("school-1");

        using var response = await PostAsync(client, e.EnrollmentId, "Graduate", Graduation("2025-07-01", "GZCVU-2025-0815"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal((EnrollmentState.Graduated, new DateOnly(2025, 7, 1), (DateOnly?)null, "GZCVU-2025-0815", Education.Associate),
            await StoredAsync(e.EnrollmentId));
        var history = await app.WithDbAsync(db => db.EducationRecords.Where(r => r.PersonId == e.PersonId)
            .OrderBy(r => r.Id).Select(r => new { r.Level, r.EffectiveOn, r.Source }).ToListAsync());
        Assert.Equal([(Education.HighSchool, (DateOnly?)null, EducationSource.Recorded), (Education.Associate, new DateOnly(2025, 7, 1), EducationSource.Graduation)],
            history.Select(h => (h.Level, h.EffectiveOn, h.Source)).ToList());
        var notice = await app.WithDbAsync(db => db.Notifications.Where(n => n.PersonId == e.PersonId).Select(n => n.Text).SingleAsync());
        Assert.Contains("毕业", notice);
        using var page = await client.GetAsync(DetailsUrl(e.EnrollmentId));
        var document = await page.ReadHtmlAsync();
        Assert.Equal("已毕业", document.QuerySelector("[data-testid=state]")?.TextContent.Trim());
        Assert.Equal("大专", document.QuerySelector("[data-testid=education]")?.TextContent.Trim());
        Assert.Null(document.QuerySelector("form#graduate"));
    }

    [Fact]
    public async Task Should_keep_bachelor_when_someone_already_bachelor_graduates_from_an_associate_program()
    {
        var e = await app.AdmittedAsync(education: Education.Bachelor);
        var client = await app.SignInAsync("school-1");

        using var response = await PostAsync(client, e.EnrollmentId, "Graduate", Graduation("2025-07-01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(e.EnrollmentId);
        Assert.Equal(EnrollmentState.Graduated, stored.State);
        Assert.Equal(Education.Bachelor, stored.Education);
        var graduations = await app.WithDbAsync(db => db.EducationRecords
            .Where(r => r.PersonId == e.PersonId && r.Source == EducationSource.Graduation).Select(r => r.Level).ToListAsync());
        Assert.Equal([Education.Associate], graduations);
    }

    [Theory]
    [InlineData("2099-07-01", "GZ-1", "毕业日期不能晚于今天")]
    [InlineData("2021-07-01", "GZ-1", "早于入学日期")]
    [InlineData("2025-07-01", "", "请填写毕业证书编号")]
    [InlineData("七月", "GZ-1", "不是有效的日期")]
    public async Task Should_refuse_a_bad_graduation_and_keep_what_was_typed(string on, string certificate, string message)
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");

        using var response = await PostAsync(client, e.EnrollmentId, "Graduate", Graduation(on, certificate));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(message, page.Body!.TextContent);
        Assert.Equal(on, page.QuerySelector("input[name='Graduation.On']")?.GetAttribute("value"));
        Assert.Equal(certificate, page.QuerySelector("input[name='Graduation.Certificate']")?.GetAttribute("value") ?? "");
        Assert.Equal((EnrollmentState.Admitted, Education.HighSchool), ((await StoredAsync(e.EnrollmentId)).State, (await StoredAsync(e.EnrollmentId)).Education));
    }

    [Fact]
    public async Task Should_record_a_withdrawal_with_its_date_and_only_with_a_reason()
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("school-1");

        using (var noReason = await PostAsync(client, e.EnrollmentId, "Withdraw", new() { ["Withdrawal.On"] = "2023-05-10", ["Withdrawal.Reason"] = " " }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Contains("退学须填写理由", await noReason.TextAsync());
        }
        using (var done = await PostAsync(client, e.EnrollmentId, "Withdraw", new() { ["Withdrawal.On"] = "2023-05-10", ["Withdrawal.Reason"] = "工作调动，无法继续学习" }))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var stored = await StoredAsync(e.EnrollmentId);
        Assert.Equal((EnrollmentState.Withdrawn, new DateOnly(2023, 5, 10), Education.HighSchool), (stored.State, stored.WithdrawnOn!.Value, stored.Education));
        var step = await app.WithDbAsync(db => db.EnrollmentTransitions.Where(t => t.EnrollmentId == e.EnrollmentId)
            .Select(t => new { t.Action, t.On, t.Comment }).SingleAsync());
        Assert.Equal((EnrollmentAction.Withdraw, new DateOnly(2023, 5, 10), "工作调动，无法继续学习"), (step.Action, step.On, step.Comment));
    }

    [Fact]
    public async Task Should_not_let_district_staff_use_the_registrars_pages()
    {
        var e = await app.AdmittedAsync();
        var client = await app.SignInAsync("district-440111");

        using var response = await client.GetAsync(DetailsUrl(e.EnrollmentId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Denied", response.Headers.Location?.OriginalString ?? "");
    }
}
