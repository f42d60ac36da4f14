using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Degree;
using Training.Web.Infrastructure;

namespace Training.Tests.Features.Degree.Reviews;

/// <summary>The page /Reviews/Details.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailsTests(AppFixture appArg) : ReviewTestBase(appArg)
{
    // ---------------------------------------------------------------- the three steps

    [Fact]
    public async Task Should_take_an_application_from_township_through_district_to_city_admission_recording_each_step()
    {
        var id = await ApplicantAsync();

        await DecideAsync(await app.SignInAsync(Township), id, "Approve", ("Comment", "材料齐全"), expect: HttpStatusCode.Redirect);
        await DecideAsync(await app.SignInAsync(District), id, "Approve", ("Comment", "同意上报"), expect: HttpStatusCode.Redirect);
        await DecideAsync(await app.SignInAsync(City), id, "Approve", ("Comment", "予以录取"), expect: HttpStatusCode.Redirect);

        var e = await LoadAsync(id);
        Assert.Equal(EnrollmentState.Admitted, e.State);
        Assert.Equal(TimeProvider.System.Today(), e.AdmittedOn);
        var steps = e.Transitions.OrderBy(t => t.Id).Skip(1).ToList(); // after the trainee's submission
        Assert.Collection(steps,
            t => AssertStep(t, EnrollmentAction.ApproveByTownship, EnrollmentState.Submitted, EnrollmentState.TownshipApproved, Township, "材料齐全"),
            t => AssertStep(t, EnrollmentAction.ApproveByDistrict, EnrollmentState.TownshipApproved, EnrollmentState.DistrictApproved, District, "同意上报"),
            t => AssertStep(t, EnrollmentAction.Admit, EnrollmentState.DistrictApproved, EnrollmentState.Admitted, City, "予以录取"));
        var split = await app.WithDbAsync(db => db.FeeSchedules.AsNoTracking()
            .Where(f => f.CohortId == e.CohortId && f.ProgramId == e.ProgramId).Select(f => f.Split).SingleAsync());
        Assert.Equal(split, e.Split);
        var notes = await NotificationsAsync(e.PersonId);
        Assert.Equal(3, notes.Count);
        Assert.Contains(notes, n => n.Contains("市录取") && n.Contains("予以录取"));
    }

    [Fact]
    public async Task Should_show_the_timeline_with_who_when_and_the_comment()
    {
        var id = await ApplicantAsync();
        await DecideAsync(await app.SignInAsync(Township), id, "Approve", ("Comment", "情况属实"), expect: HttpStatusCode.Redirect);

        using var page = await (await app.SignInAsync(District)).GetAsync($"/Reviews/Details/{id}");

        var timeline = (await page.ReadHtmlAsync()).QuerySelector("[data-testid=timeline]")?.TextContent ?? "";
        Assert.Contains("提交报名", timeline);
        Assert.Contains("镇（街）审核通过", timeline);
        Assert.Contains(Township, timeline);
        Assert.Contains("情况属实", timeline);
    }

    [Fact]
    public async Task Should_return_an_application_to_draft_with_the_reason()
    {
        var id = await ApplicantAsync();

        await DecideAsync(await app.SignInAsync(Township), id, "Return", ("ReturnReason", "请补充村推荐意见"), expect: HttpStatusCode.Redirect);

        var e = await LoadAsync(id);
        Assert.Equal(EnrollmentState.Draft, e.State);
        var last = e.Transitions.OrderBy(t => t.Id).Last();
        AssertStep(last, EnrollmentAction.Return, EnrollmentState.Submitted, EnrollmentState.Draft, Township, "请补充村推荐意见");
        Assert.Contains(await NotificationsAsync(e.PersonId), n => n.Contains("请补充村推荐意见"));
    }

    [Fact]
    public async Task Should_audit_the_decision_with_the_reviewer_the_address_and_the_reason()
    {
        var id = await ApplicantAsync();

        await DecideAsync(await app.SignInFromAsync("203.0.113.61", Township), id, "Return", ("ReturnReason", "请补充村推荐意见"), expect: HttpStatusCode.Redirect);

        var entry = await app.WithDbAsync(db => db.Audit.AsNoTracking()
            .SingleAsync(a => a.Action == DegreeTexts.ReviewAudit && a.Detail.StartsWith($"报名 #{id}（")));
        Assert.Equal(Township, entry.UserName);
        Assert.Equal("203.0.113.61", entry.Source);
        Assert.Equal(AuditOutcome.Done, entry.Outcome);
        Assert.Contains("请补充村推荐意见", entry.Detail);
    }

    [Fact]
    public async Task Should_refuse_a_rejection_without_a_reason_and_keep_the_application()
    {
        var id = await ApplicantAsync();
        var client = await app.SignInAsync(Township);

        using var refused = await DecideAsync(client, id, "Reject", ("RejectReason", "  "), expect: (HttpStatusCode)422);
        Assert.Contains("须填写理由", await refused.TextAsync());
        Assert.Equal(EnrollmentState.Submitted, (await LoadAsync(id)).State);

        await DecideAsync(client, id, "Reject", ("RejectReason", "不是两委干部"), expect: HttpStatusCode.Redirect);
        var e = await LoadAsync(id);
        Assert.Equal(EnrollmentState.Rejected, e.State);
        Assert.Equal("不是两委干部", e.Transitions.OrderBy(t => t.Id).Last().Comment);
    }

    [Theory]
    [InlineData(District, "Approve")]
    [InlineData(City, "Approve")]
    [InlineData(District, "Reject")]
    public async Task Should_refuse_a_step_by_the_wrong_level_with_a_message(string account, string handler)
    {
        var id = await ApplicantAsync(); // submitted: the township's turn
        var version = (await LoadAsync(id)).Version;
        var client = await app.SignInAsync(account);

        using var response = await client.PostFormAsync($"/Reviews/Details/{id}", $"/Reviews/Details/{id}?handler={handler}",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["RejectReason"] = "越级", ["Comment"] = "越级" });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("不在", await response.TextAsync());
        var e = await LoadAsync(id);
        Assert.Equal(EnrollmentState.Submitted, e.State);
        Assert.Equal(version, e.Version);
        Assert.Single(e.Transitions);
    }

    // ---------------------------------------------------------------- two reviewers at once

    [Fact]
    public async Task Should_let_exactly_one_of_two_reviewers_win_and_tell_the_other_it_changed()
    {
        var id = await ApplicantAsync();
        var first = await app.SignInAsync(Township);
        var second = await app.SignInAsync(Township);
        var pageOfFirst = await FormAsync(first, id, "Approve");
        var pageOfSecond = await FormAsync(second, id, "Reject");

        using var won = await first.PostAsync(pageOfFirst.Action, pageOfFirst.With(("Comment", "同意")));
        using var lost = await second.PostAsync(pageOfSecond.Action, pageOfSecond.With(("RejectReason", "不同意")));

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains(CommonTexts.Changed, await lost.TextAsync());
        var e = await LoadAsync(id);
        Assert.Equal(EnrollmentState.TownshipApproved, e.State);
        Assert.Equal(2, e.Transitions.Count);
        Assert.Single(await NotificationsAsync(e.PersonId));
    }

    [Fact]
    public async Task Should_let_exactly_one_of_two_parallel_posts_win()
    {
        var id = await ApplicantAsync();
        var first = await app.SignInAsync(Township);
        var second = await app.SignInAsync(Township);
        var a = await FormAsync(first, id, "Approve");
        var b = await FormAsync(second, id, "Return");

        var responses = await Task.WhenAll(
            first.PostAsync(a.Action, a.With(("Comment", "同意"))),
            second.PostAsync(b.Action, b.With(("ReturnReason", "请补充材料"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, (await LoadAsync(id)).Transitions.Count);
        foreach (var r in responses) r.Dispose();
    }

    // ---------------------------------------------------------------- quota

    [Fact]
    public async Task Should_refuse_admission_over_the_district_quota_and_change_nothing()
    {
        var cohortId = await CohortWithQuotaAsync("440111", quota: 1);
        var firstId = await ApplicantAsync(cohortId: cohortId, upTo: EnrollmentState.DistrictApproved);
        var secondId = await ApplicantAsync(cohortId: cohortId, upTo: EnrollmentState.DistrictApproved);
        var city = await app.SignInAsync(City);

        await DecideAsync(city, firstId, "Approve", ("Comment", ""), expect: HttpStatusCode.Redirect);
        var before = await LoadAsync(secondId);
        using var refused = await DecideAsync(city, secondId, "Approve", ("Comment", ""), expect: (HttpStatusCode)422);

        Assert.Contains("名额 1 人已用完", await refused.TextAsync());
        var after = await LoadAsync(secondId);
        Assert.Equal(EnrollmentState.DistrictApproved, after.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Transitions.Count, after.Transitions.Count);
        Assert.Empty(await NotificationsAsync(after.PersonId));
        Assert.Equal(EnrollmentState.Admitted, (await LoadAsync(firstId)).State);
    }

    [Fact]
    public async Task Should_admit_only_one_of_two_parallel_admissions_for_the_last_place()
    {
        var cohortId = await CohortWithQuotaAsync("440111", quota: 1);
        var firstId = await ApplicantAsync(cohortId: cohortId, upTo: EnrollmentState.DistrictApproved);
        var secondId = await ApplicantAsync(cohortId: cohortId, upTo: EnrollmentState.DistrictApproved);
        var one = await app.SignInAsync(City);
        var two = await app.SignInAsync(City);
        var a = await FormAsync(one, firstId, "Approve");
        var b = await FormAsync(two, secondId, "Approve");

        var responses = await Task.WhenAll(one.PostAsync(a.Action, a.With()), two.PostAsync(b.Action, b.With()));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var admitted = await app.WithDbAsync(db => db.Enrollments.CountAsync(e => e.CohortId == cohortId && e.State == EnrollmentState.Admitted));
        Assert.Equal(1, admitted);
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Should_show_quota_used_and_left_to_the_district()
    {
        var cohortId = await CohortWithQuotaAsync("440111", quota: 1);
        var id = await ApplicantAsync(cohortId: cohortId, upTo: EnrollmentState.DistrictApproved);
        await DecideAsync(await app.SignInAsync(City), id, "Approve", ("Comment", ""), expect: HttpStatusCode.Redirect);
        var districtId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440111").Select(u => u.Id).SingleAsync());

        using var queue = await (await app.SignInAsync(District)).GetAsync($"/Reviews?cohort={cohortId}");

        var row = (await queue.ReadHtmlAsync()).QuerySelector($"[data-testid=quotas] tr[data-district='{districtId}']");
        Assert.NotNull(row);
        Assert.Equal(["白云区", "1", "1", "0"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Should_not_let_a_township_see_or_act_on_another_townships_application()
    {
        var otherVillage = await app.WithDbAsync(db => db.OrgUnits
            .Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith("440111") && !u.Code.StartsWith("440111103"))
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync());
        var id = await ApplicantAsync(villageCode: otherVillage);
        var e = await LoadAsync(id);
        var client = await app.SignInAsync(Township);

        using var details = await client.GetAsync($"/Reviews/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        using var post = await client.PostFormAsync("/Reviews", $"/Reviews/Details/{id}?handler=Approve",
            new Dictionary<string, string> { ["Version"] = e.Version.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(id, await QueueIdsAsync(client, $"/Reviews?cohort={e.CohortId}"));
        Assert.Equal(EnrollmentState.Submitted, (await LoadAsync(id)).State);
    }

    [Fact]
    public async Task Should_mask_the_applicants_id_number_for_the_township_and_show_it_to_the_district()
    {
        var id = await ApplicantAsync(upTo: EnrollmentState.Submitted);
        var idNumber = await app.WithDbAsync(db => db.Enrollments.Where(x => x.Id == id).Select(x => x.Person.IdNumber).SingleAsync());

        using var township = await (await app.SignInAsync(Township)).GetAsync($"/Reviews/Details/{id}");
        using var district = await (await app.SignInAsync(District)).GetAsync($"/Reviews/Details/{id}");

        Assert.DoesNotContain(idNumber, await township.TextAsync());
        Assert.Contains(ResidentId.Mask(idNumber), await township.TextAsync());
        Assert.Contains(idNumber, await district.TextAsync());
    }
}
