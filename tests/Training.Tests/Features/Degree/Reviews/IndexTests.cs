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

/// <summary>The page /Reviews.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture appArg) : ReviewTestBase(appArg)
{
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
    public async Task Should_drop_an_application_decided_after_the_queue_was_read()
    {
        // The queue's page is kept between views: an application approved since (only the application changes) must
        // leave the township's queue on the next view.
        var id = await ApplicantAsync();
        var cohortId = (await LoadAsync(id)).CohortId;
        var township = await app.SignInAsync(Township);
        Assert.Contains(id, await QueueIdsAsync(township, $"/Reviews?cohort={cohortId}"));

        await app.WithDbAsync(async db =>
        {
            var enrollment = await db.Enrollments.SingleAsync(e => e.Id == id);
            enrollment.ApproveByTownship("test-township", "", TimeProvider.System.Today(), DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(id, await QueueIdsAsync(township, $"/Reviews?cohort={cohortId}"));
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
}
