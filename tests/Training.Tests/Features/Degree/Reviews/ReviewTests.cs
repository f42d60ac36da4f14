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

/// <summary>
/// Review of degree applications (PRODUCT.md §5): township → district → city, return and reject
/// with a reason, the wrong level refused, two reviewers at once, the district quota at
/// admission, bulk approval row by row, and scope. Every test makes its own applicants.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewTests(AppFixture app)
{
    private const string Township = "township-440111103";
    private const string District = "district-440111";
    private const string City = "city";
    private const string OwnVillage = "440111103201";

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

        using var won = await first.PostAsync(pageOfFirst.Action, Fields(pageOfFirst, ("Comment", "同意")));
        using var lost = await second.PostAsync(pageOfSecond.Action, Fields(pageOfSecond, ("RejectReason", "不同意")));

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
            first.PostAsync(a.Action, Fields(a, ("Comment", "同意"))),
            second.PostAsync(b.Action, Fields(b, ("ReturnReason", "请补充材料"))));

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

        var responses = await Task.WhenAll(one.PostAsync(a.Action, Fields(a)), two.PostAsync(b.Action, Fields(b)));

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

    // ---------------------------------------------------------------- bulk

    [Fact]
    public async Task Should_bulk_approve_row_by_row_and_report_which_passed_and_which_did_not()
    {
        var good1 = await ApplicantAsync(upTo: EnrollmentState.TownshipApproved);
        var good2 = await ApplicantAsync(upTo: EnrollmentState.TownshipApproved);
        var stale = await ApplicantAsync(upTo: EnrollmentState.TownshipApproved);
        var notYet = await ApplicantAsync(); // still the township's turn
        var versions = new Dictionary<int, Guid>();
        foreach (var id in new[] { good1, good2, notYet }) versions[id] = (await LoadAsync(id)).Version;
        var client = await app.SignInAsync(District);

        var picks = new List<KeyValuePair<string, string>>
        {
            new("pick", $"{good1}:{versions[good1]}"),
            new("pick", $"{good2}:{versions[good2]}"),
            new("pick", $"{stale}:{Guid.NewGuid()}"),
            new("pick", $"{notYet}:{versions[notYet]}"),
            new("comment", "批量同意"),
        };
        using var response = await PostPairsAsync(client, "/Reviews", "/Reviews?handler=Approve", picks);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcomes = (await response.ReadHtmlAsync()).QuerySelectorAll("[data-testid=bulk-outcomes] li")
            .ToDictionary(li => int.Parse(li.GetAttribute("data-id")!), li => li.GetAttribute("data-result"));
        Assert.Equal("done", outcomes[good1]);
        Assert.Equal("done", outcomes[good2]);
        Assert.Equal("Changed", outcomes[stale]);
        Assert.Equal("Refused", outcomes[notYet]);
        Assert.Equal(EnrollmentState.DistrictApproved, (await LoadAsync(good1)).State);
        Assert.Equal("批量同意", (await LoadAsync(good2)).Transitions.OrderBy(t => t.Id).Last().Comment);
        Assert.Equal(EnrollmentState.TownshipApproved, (await LoadAsync(stale)).State);
        Assert.Equal(EnrollmentState.Submitted, (await LoadAsync(notYet)).State);
    }

    [Fact]
    public async Task Should_not_offer_bulk_approval_to_a_township()
    {
        var id = await ApplicantAsync();
        var version = (await LoadAsync(id)).Version;
        var client = await app.SignInAsync(Township);

        using var response = await PostPairsAsync(client, "/Reviews", "/Reviews?handler=Approve", [new("pick", $"{id}:{version}")]);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EnrollmentState.Submitted, (await LoadAsync(id)).State);
    }

    // ---------------------------------------------------------------- queues and scope

    [Fact]
    public async Task Should_list_each_application_in_the_queue_of_the_level_whose_turn_it_is()
    {
        var submitted = await ApplicantAsync();
        var approved = await ApplicantAsync(upTo: EnrollmentState.TownshipApproved);
        var cohortId = (await LoadAsync(submitted)).CohortId;

        var township = await QueueIdsAsync(await app.SignInAsync(Township), $"/Reviews?cohort={cohortId}");
        var district = await QueueIdsAsync(await app.SignInAsync(District), $"/Reviews?cohort={cohortId}");
        var city = await QueueIdsAsync(await app.SignInAsync(City), $"/Reviews?cohort={cohortId}");

        Assert.Contains(submitted, township);
        Assert.DoesNotContain(approved, township);
        Assert.Contains(approved, district);
        Assert.DoesNotContain(submitted, district);
        Assert.DoesNotContain(submitted, city);
        Assert.DoesNotContain(approved, city);
    }

    [Fact]
    public async Task Should_search_the_queue_by_name_and_serve_the_rows_as_a_fragment_to_htmx()
    {
        var id = await ApplicantAsync();
        var e = await LoadAsync(id);
        var name = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == e.PersonId).Select(p => p.Name).SingleAsync());
        var client = await app.SignInAsync(Township);
        var url = $"/Reviews?cohort={e.CohortId}&q={Uri.EscapeDataString(name)}";

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        using var fragment = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var ids = Html.Parse(html).QuerySelectorAll("tr[data-enrollment]").Select(r => int.Parse(r.GetAttribute("data-enrollment")!)).ToList();
        Assert.Equal([id], ids);
        Assert.Contains(Html.Parse(html).QuerySelectorAll("[data-testid=state-counts] li"), li => li.GetAttribute("data-state") == "Submitted");
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

    [Fact]
    public async Task Should_tell_a_reviewer_on_the_home_page_how_many_applications_wait()
    {
        await ApplicantAsync();
        var client = await app.SignInAsync(Township);

        using var home = await client.GetAsync("/");

        var line = (await home.ReadHtmlAsync()).QuerySelector("[data-testid=reviews-waiting]");
        Assert.NotNull(line);
        Assert.Contains("待我审核", line.TextContent);
        Assert.Equal("/Reviews", line.QuerySelector("a")?.GetAttribute("href"));
    }

    // ---------------------------------------------------------------- helpers

    private static void AssertStep(EnrollmentTransition t, EnrollmentAction action, EnrollmentState from, EnrollmentState to, string account, string comment)
    {
        Assert.Equal(action, t.Action);
        Assert.Equal(from, t.From);
        Assert.Equal(to, t.To);
        Assert.Contains(account, t.Actor);
        Assert.Equal(comment, t.Comment);
        Assert.InRange(t.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    /// <summary>A fresh two-committee cadre with 高中/中专 in <paramref name="villageCode"/>, applied for a 大专 program and submitted, then moved on to <paramref name="upTo"/>.</summary>
    private Task<int> ApplicantAsync(string villageCode = OwnVillage, int? cohortId = null, EnrollmentState upTo = EnrollmentState.Submitted) =>
        app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var now = DateTime.UtcNow;
            var village = await db.OrgUnits.SingleAsync(u => u.Code == villageCode);
            var cohort = await db.Cohorts.Include(c => c.Fees).ThenInclude(f => f.Program)
                .Where(c => cohortId == null ? c.Year == 2026 : c.Id == cohortId).SingleAsync();
            var offering = cohort.Fees.OrderBy(f => f.Id).First(f => f.Program.Level == DegreeLevel.Associate);
            var person = Person.Register(await TestPeople.FreeIdNumberAsync(db, villageCode[..6]), "审核测试" + Guid.NewGuid().ToString("N")[..6],
                null, PoliticalStatus.Masses, Education.HighSchool, village, today, now);
            person.AddPost(village, PostType.CommitteeMember, today.AddYears(-2));
            db.Persons.Add(person);
            await db.SaveChangesAsync();

            var enrollment = Enrollment.Draft(person, cohort, offering,
                new Eligibility.Facts(true, false, false, false, Education.HighSchool, false), now);
            enrollment.Submit("trainee", cohort, today, now);
            if (upTo >= EnrollmentState.TownshipApproved) enrollment.ApproveByTownship("test-township", "", today, now);
            if (upTo >= EnrollmentState.DistrictApproved) enrollment.ApproveByDistrict("test-district", "", today, now);
            db.Enrollments.Add(enrollment);
            await db.SaveChangesAsync();
            return enrollment.Id;
        });

    /// <summary>A cohort of an unused year, open today, offering one 大专 program, with <paramref name="quota"/> places for one district.</summary>
    private Task<int> CohortWithQuotaAsync(string districtCode, int quota) =>
        app.WithDbAsync(async db =>
        {
            var today = TimeProvider.System.Today();
            var years = await db.Cohorts.Select(c => c.Year).ToListAsync();
            var year = Enumerable.Range(2040, 60).First(y => !years.Contains(y));
            var cohort = Cohort.Create(year, $"{year}年名额测试批次", today.AddDays(-1), today.AddDays(30), Cohort.MinimumCityQuota);
            cohort.SetDistrictQuota(await db.OrgUnits.SingleAsync(u => u.Code == districtCode), quota);
            var program = await db.Programs.Where(p => p.Level == DegreeLevel.Associate).OrderBy(p => p.Id).FirstAsync();
            cohort.Offer(program, new FeeSplit(6_000_00, 3_000_00, 1_500_00, FeeSplit.DefaultSelfPaidFen));
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });

    private Task<Enrollment> LoadAsync(int id) =>
        app.WithDbAsync(db => db.Enrollments.AsNoTracking().Include(e => e.Transitions).SingleAsync(e => e.Id == id));

    private Task<List<string>> NotificationsAsync(int personId) =>
        app.WithDbAsync(db => db.Notifications.Where(n => n.PersonId == personId).Select(n => n.Text).ToListAsync());

    private sealed record ReviewForm(string Action, string Token, string Version);

    /// <summary>The form of one decision as the details page draws it: its action, token and the version it shows.</summary>
    private static async Task<ReviewForm> FormAsync(HttpClient client, int id, string handler)
    {
        using var page = await client.GetAsync($"/Reviews/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = (await page.ReadHtmlAsync()).QuerySelectorAll("form")
            .OfType<IHtmlFormElement>()
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal));
        Assert.True(form is not null, $"/Reviews/Details/{id} 没有 {handler} 表单。");
        return new ReviewForm(form.GetAttribute("action")!,
            form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            form.QuerySelector("input[name=Version]")!.GetAttribute("value")!);
    }

    private static FormUrlEncodedContent Fields(ReviewForm form, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("Version", form.Version))
            .Append(new("__RequestVerificationToken", form.Token)));

    /// <summary>Loads the details page as a browser does, then posts the chosen decision with the version it showed.</summary>
    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, int id, string handler, (string Name, string Value) field, HttpStatusCode expect)
    {
        var form = await FormAsync(client, id, handler);
        var response = await client.PostAsync(form.Action, Fields(form, field));
        if (response.StatusCode != expect)
            Assert.Fail($"{handler} on {id}: expected {(int)expect}, got {(int)response.StatusCode}: {Squash(await response.TextAsync())}");
        return response;
    }

    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        var token = (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    private static async Task<List<int>> QueueIdsAsync(HttpClient client, string url)
    {
        var ids = new List<int>();
        for (var page = 1; page <= 50; page++)
        {
            using var response = await client.GetAsync(url + "&p=" + page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await response.ReadHtmlAsync();
            ids.AddRange(document.QuerySelectorAll("tr[data-enrollment]").Select(r => int.Parse(r.GetAttribute("data-enrollment")!)));
            if (!document.QuerySelectorAll(".pager a").Any(a => a.TextContent.Contains("下一页"))) break;
        }
        return ids;
    }

    private static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) is var s && s.Length > 600 ? s[..600] : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
