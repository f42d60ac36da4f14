using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Web.Infrastructure.Web;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using static Training.Tests.Features.Degree.Apply.ApplyPages;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Degree.Apply;

/// <summary>The page /Apply.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ApplyTestBase(appArg)
{
    // ------------------------------------------------------------ eligibility

    public static readonly TheoryData<Standing, Education, bool, bool, string?> EligibilityTable = new()
    {
        // standing, education, may apply for 大专, may apply for 本科, a reason the page must show
        { Standing.Cadre, Education.HighSchool, true, false, "报读本科须具有大专或以上学历" },
        { Standing.ReserveInPool, Education.HighSchool, true, false, null },
        { Standing.RecommendedPartyMember, Education.HighSchool, true, false, null },
        { Standing.PartyMemberNotRecommended, Education.HighSchool, false, false, "报名对象为现任村（社区）两委干部" },
        { Standing.None, Education.HighSchool, false, false, "报名对象为现任村（社区）两委干部" },
        { Standing.Cadre, Education.JuniorOrBelow, false, false, "报读大专须具有高中/中专或以上学历" },
        { Standing.Cadre, Education.Associate, true, true, null },
        { Standing.Cadre, Education.Bachelor, true, false, "已具有本科或以上学历，不能再报读本科" },
        { Standing.RecommendedPartyMember, Education.Associate, true, true, null },
    };

    [Theory]
    [MemberData(nameof(EligibilityTable))]
    public async Task Should_offer_the_apply_button_only_to_eligible_trainees_and_say_why_not(
        Standing standing, Education education, bool associate, bool bachelor, string? reason)
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync(standing, education);
        var client = await app.SignInAsync(trainee);

        using var page = await client.GetAsync("/Apply");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.ReadHtmlAsync();

        AssertOffer(document, cohort.AssociateFeeId, associate);
        AssertOffer(document, cohort.BachelorFeeId, bachelor);
        if (reason is not null) Assert.Contains(reason, document.Body!.TextContent);
    }

    [Fact]
    public async Task Should_offer_the_apply_button_the_moment_the_trainee_takes_a_post()
    {
        // The page is kept between views: a post taken since must make the trainee eligible on the next one.
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync(Standing.None, Education.HighSchool);
        var client = await app.SignInAsync(trainee);
        async Task<IHtmlDocument> PageAsync() => await (await client.GetAsync("/Apply")).ReadHtmlAsync();
        AssertOffer(await PageAsync(), cohort.AssociateFeeId, false);

        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.Include(p => p.Village).Include(p => p.Posts).SingleAsync(p => p.Id == trainee.PersonId);
            person.AddPost(person.Village, PostType.CommitteeMember, TestPeople.Today.AddDays(-1));
            return await db.SaveChangesAsync();
        });

        AssertOffer(await PageAsync(), cohort.AssociateFeeId, true);
    }

    [Fact]
    public async Task Should_refuse_to_create_an_application_for_an_ineligible_trainee_with_the_reason()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync(Standing.Cadre, Education.HighSchool);
        var client = await app.SignInAsync(trainee);

        using var response = await CreateAsync(client, cohort.BachelorFeeId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("报读本科须具有大专或以上学历", await response.TextAsync());
        Assert.Empty(await app.ActiveApplicationIdsAsync(trainee));
    }

    [Fact]
    public async Task Should_show_what_the_trainee_pays_and_the_whole_split()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);

        using var page = await client.GetAsync("/Apply");
        var offer = (await page.ReadHtmlAsync()).QuerySelector($"[data-fee-id='{cohort.AssociateFeeId}']")!.TextContent;

        Assert.Contains("个人自付 " + Money.Format(1_500_00), offer);
        Assert.Contains($"学费总额 {Money.Format(9_000_00)} = 财政补助 {Money.Format(6_000_00)} + 学校减免 {Money.Format(1_500_00)}", offer);
    }

    [Fact]
    public async Task Should_allow_one_active_application_at_a_time_and_open_the_existing_one_on_a_second_create()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);

        var first = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        using var second = await CreateAsync(client, cohort.AssociateFeeId);

        Assert.Equal(first, RedirectedId(second));
        Assert.Equal([first], await app.ActiveApplicationIdsAsync(trainee));
        var document = await (await client.GetAsync("/Apply")).ReadHtmlAsync();
        Assert.Contains("同一时间只能有一个报名", document.QuerySelector("[data-testid=common-reasons]")?.TextContent ?? "");
        Assert.Equal("false", document.QuerySelector($"[data-fee-id='{cohort.AssociateFeeId}']")!.GetAttribute("data-eligible"));
    }

    [Fact]
    public async Task Should_create_one_application_when_two_creates_arrive_at_once()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var phone = await app.SignInAsync(trainee);
        var tablet = await app.SignInAsync(trainee);

        var responses = await Task.WhenAll(CreateAsync(phone, cohort.AssociateFeeId), CreateAsync(tablet, cohort.AssociateFeeId));

        var ids = responses.Select(RedirectedId).Distinct().ToList();
        var active = await app.ActiveApplicationIdsAsync(trainee);
        Assert.Single(active);
        Assert.Equal(active, ids);
    }

    // ------------------------------------------------------------ submit

    [Fact]
    public async Task Should_submit_a_draft_inside_the_window()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));

        using var response = await StepAsync(client, id, "Submit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var state = await app.EnrollmentStateAsync(id);
        Assert.Equal(EnrollmentState.Submitted, state.Value);
        Assert.Equal([EnrollmentAction.Submit], state.Steps);
        var page = await (await client.GetAsync(response.Headers.Location!.OriginalString)).ReadHtmlAsync();
        Assert.Equal("已提交", page.QuerySelector("[data-testid=state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_treat_a_second_submit_of_a_submitted_application_as_done_without_a_second_step()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        var drawn = await DrawAsync(client, id, "Submit");

        using var first = await PostAsync(client, drawn);
        using var again = await PostAsync(client, drawn); // the same page, the same version: a double tap

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/Apply/Details/{id}", again.Headers.Location!.OriginalString);
        Assert.Equal([EnrollmentAction.Submit], (await app.EnrollmentStateAsync(id)).Steps);
    }

    [Fact]
    public async Task Should_submit_once_when_two_submits_arrive_at_once()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var phone = await app.SignInAsync(trainee);
        var tablet = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(phone, cohort.AssociateFeeId));
        var onPhone = await DrawAsync(phone, id, "Submit");
        var onTablet = await DrawAsync(tablet, id, "Submit");

        var responses = await Task.WhenAll(PostAsync(phone, onPhone), PostAsync(tablet, onTablet));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var state = await app.EnrollmentStateAsync(id);
        Assert.Equal(EnrollmentState.Submitted, state.Value);
        Assert.Equal([EnrollmentAction.Submit], state.Steps);
        Assert.Equal([id], await app.ActiveApplicationIdsAsync(trainee));
    }

    [Fact]
    public async Task Should_refuse_to_submit_before_the_window_opens_saying_when_it_opens()
    {
        var upcoming = await app.CohortAsync(Today.AddDays(20), Today.AddDays(50));
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var listing = await (await client.GetAsync("/Apply")).TextAsync();
        Assert.Contains($"将于 {upcoming.ApplyFrom:yyyy年M月d日} 开始报名", listing);
        var id = RedirectedId(await CreateAsync(client, upcoming.AssociateFeeId));

        using var response = await StepAsync(client, id, "Submit");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"报名将于 {upcoming.ApplyFrom:yyyy年M月d日} 开始", await response.TextAsync());
        Assert.Equal(EnrollmentState.Draft, (await app.EnrollmentStateAsync(id)).Value);
    }

    [Fact]
    public async Task Should_refuse_a_closed_cohort_for_a_new_draft()
    {
        var closed = await app.CohortAsync(Today.AddDays(-60), Today.AddDays(-1));
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);

        using var response = await CreateAsync(client, closed.AssociateFeeId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("截止", await response.TextAsync());
        Assert.Empty(await app.ActiveApplicationIdsAsync(trainee));
    }

    // ------------------------------------------------------------ cancel, return, correct, resubmit

    [Fact]
    public async Task Should_let_the_trainee_cancel_a_submitted_application_and_apply_again()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        await StepAsync(client, id, "Submit");

        using var cancelled = await StepAsync(client, id, "Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(EnrollmentState.Cancelled, (await app.EnrollmentStateAsync(id)).Value);
        var again = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        Assert.NotEqual(id, again);
    }

    [Fact]
    public async Task Should_show_the_return_reason_and_let_the_trainee_correct_and_resubmit()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        await StepAsync(client, id, "Submit");
        await app.OnEnrollmentAsync(id, e => e.Return("人和镇组织办（测试）", "本村推荐报读另一专业，请修改后再提交", Today, DateTime.UtcNow));

        var page = await (await client.GetAsync($"/Apply/Details/{id}")).ReadHtmlAsync();
        Assert.Contains("本村推荐报读另一专业，请修改后再提交", page.QuerySelector("[data-testid=returned-reason]")?.TextContent ?? "");
        Assert.Contains("本村推荐报读另一专业，请修改后再提交", page.QuerySelector("[data-testid=timeline]")!.TextContent);

        using var corrected = await StepAsync(client, id, "Program", new Dictionary<string, string> { ["FeeId"] = cohort.OtherAssociateFeeId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        using var resubmitted = await StepAsync(client, id, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);

        var state = await app.EnrollmentStateAsync(id);
        Assert.Equal(EnrollmentState.Submitted, state.Value);
        Assert.Equal([EnrollmentAction.Submit, EnrollmentAction.Return, EnrollmentAction.Submit], state.Steps);
        var programOfOther = await app.WithDbAsync(db => db.FeeSchedules.Where(f => f.Id == cohort.OtherAssociateFeeId).Select(f => f.ProgramId).SingleAsync());
        Assert.Equal(programOfOther, state.ProgramId);
        var after = await (await client.GetAsync($"/Apply/Details/{id}")).ReadHtmlAsync();
        Assert.Null(after.QuerySelector("[data-testid=returned]"));
    }

    [Fact]
    public async Task Should_refuse_a_program_the_trainee_may_not_take_or_that_another_cohort_offers()
    {
        var cohort = await app.OpenCohortAsync();
        var other = await app.CohortAsync(Today.AddDays(-5), Today.AddDays(5));
        var trainee = await app.TraineeAsync(Standing.ReserveInPool, Education.HighSchool);
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        var before = (await app.EnrollmentStateAsync(id)).ProgramId;

        using var notForHer = await StepAsync(client, id, "Program", new Dictionary<string, string> { ["FeeId"] = cohort.BachelorFeeId.ToString() });
        using var foreign = await StepAsync(client, id, "Program", new Dictionary<string, string> { ["FeeId"] = other.AssociateFeeId.ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notForHer.StatusCode);
        Assert.Contains("报读本科须具有大专或以上学历", await notForHer.TextAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Contains("所选专业不在本批次招生范围内", await foreign.TextAsync());
        Assert.Equal(before, (await app.EnrollmentStateAsync(id)).ProgramId);
    }

    [Fact]
    public async Task Should_tell_the_trainee_when_the_application_changed_since_the_page_was_drawn()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        await StepAsync(client, id, "Submit");
        await app.OnEnrollmentAsync(id, e => e.Return("镇（测试）", "材料不全", Today, DateTime.UtcNow));
        var stale = await DrawAsync(client, id, "Submit");
        await PostAsync(client, stale);                       // resubmitted …
        await app.OnEnrollmentAsync(id, e => e.Return("镇（测试）", "仍缺材料", Today, DateTime.UtcNow)); // … and returned again

        using var response = await PostAsync(client, stale); // the old page's version

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(CommonTexts.Changed, await response.TextAsync());
        Assert.Equal(EnrollmentState.Draft, (await app.EnrollmentStateAsync(id)).Value);
    }

    // ------------------------------------------------------------ my applications, the printed form, notifications

    [Fact]
    public async Task Should_list_my_applications_with_every_step_and_comment()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        await StepAsync(client, id, "Submit");
        await app.OnEnrollmentAsync(id, e => e.ApproveByTownship("人和镇组织办（测试）", "材料齐全，同意", Today, DateTime.UtcNow));

        var page = await (await client.GetAsync("/Apply/Mine")).ReadHtmlAsync();
        var card = page.QuerySelector($"[data-enrollment-id='{id}']");
        Assert.NotNull(card);
        var timeline = page.QuerySelector("[data-testid=timeline]")!.TextContent;
        Assert.Contains("提交报名", timeline);
        Assert.Contains("镇（街）审核通过", timeline);
        Assert.Contains("材料齐全，同意", timeline);
        Assert.Contains("人和镇组织办（测试）", timeline);
        Assert.Contains("已提交 → 镇街已审核", timeline);
    }

    [Fact]
    public async Task Should_draw_the_application_pages_without_inline_styles_or_scripts()
    {
        var cohort = await app.OpenCohortAsync();
        var trainee = await app.TraineeAsync();
        var client = await app.SignInAsync(trainee);
        var id = RedirectedId(await CreateAsync(client, cohort.AssociateFeeId));
        using var refused = await StepAsync(client, id, "Program", new Dictionary<string, string> { ["FeeId"] = cohort.BachelorFeeId.ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var pages = new List<(string Url, IHtmlDocument Page)> { ("422", await refused.ReadHtmlAsync()) };
        foreach (var url in new[] { "/Apply", "/Apply/Mine", $"/Apply/Details/{id}", $"/Apply/Form/{id}", "/" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add((url, await response.ReadHtmlAsync()));
        }

        foreach (var (url, page) in pages)
        {
            Assert.True(page.QuerySelectorAll("[style]").Length == 0, $"{url} 有 style 属性（CSP 不允许内联样式）");
            Assert.True(page.QuerySelectorAll("script:not([src])").Length == 0, $"{url} 有内联脚本");
            Assert.True(page.QuerySelectorAll("[hx-on]").Length == 0, $"{url} 有 hx-on 属性");
        }
        Assert.Contains("报读本科须具有大专或以上学历", pages[0].Page.QuerySelector("[data-testid=form-errors]")?.TextContent ?? "");
        Assert.Null(pages[3].Page.QuerySelector("[data-testid=form-errors]"));
    }

    [Fact]
    public async Task Should_not_let_another_trainee_cancel_an_application()
    {
        var cohort = await app.OpenCohortAsync();
        var owner = await app.TraineeAsync();
        var ownerClient = await app.SignInAsync(owner);
        var id = RedirectedId(await CreateAsync(ownerClient, cohort.AssociateFeeId));
        var drawn = await DrawAsync(ownerClient, id, "Cancel");
        var other = await app.TraineeAsync();
        var otherClient = await app.SignInAsync(other);
        var token = (await (await otherClient.GetAsync("/Apply")).ReadHtmlAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await otherClient.PostAsync(drawn.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Version"] = drawn.Fields["Version"],
        }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EnrollmentState.Draft, (await app.EnrollmentStateAsync(id)).Value);
    }
}
