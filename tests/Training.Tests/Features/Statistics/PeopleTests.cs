using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.Demo;
using Training.Web.Features.Statistics;
using Training.Tests.Infrastructure;

namespace Training.Tests.Features.Statistics;

/// <summary>The page /Statistics/People.</summary>
[Collection(AppCollection.Name)]
public sealed partial class PeopleTests(AppFixture appArg) : DashboardTestBase(appArg)
{
    public static readonly TheoryData<Figure> VillageFigures = new()
    {
        Figure.Participants, Figure.Graduates, Figure.Secretaries, Figure.TwoCommitteeCadres,
        Figure.TwoCommitteeAssociateOrAbove, Figure.ReservesInPool,
    };

    [Theory]
    [MemberData(nameof(VillageFigures))]
    public async Task Should_list_as_many_persons_as_the_figure_counts_for_the_demo_village(Figure figure)
    {
        var village = (await UnitsAsync(DemoData.VillageCode)).Single();
        var expected = (await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(village.Path, Report2019))).Count(figure);
        var client = await app.SignInAsync("village-440111103201");

        using var response = await client.GetAsync(PeopleUrl(figure, village.Id, Report2019));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(expected.ToString(), Text(page, "[data-testid=people-total] strong"));
        Assert.Equal((int)Math.Min(expected, 20), page.QuerySelectorAll("tr[data-person-id]").Length);
    }

    [Fact]
    public async Task Should_page_the_drill_down_list_as_a_fragment_for_htmx()
    {
        var township = (await UnitsAsync("440111103")).Single();
        var cadres = (await app.WithDbAsync(db => new StatisticsService(db).ComputeAsync(township.Path, Report2019))).TwoCommitteeCadres;
        Assert.True(cadres > 20, "人和镇 should have more than one page of two-committee cadres in 2019");
        var client = await app.SignInAsync("township-440111103");
        var url = PeopleUrl(Figure.TwoCommitteeCadres, township.Id, Report2019);

        using var first = await client.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "&p=2");
        request.Headers.Add("HX-Request", "true");
        using var second = await client.SendAsync(request);

        var firstIds = (await first.ReadHtmlAsync()).QuerySelectorAll("tr[data-person-id]").Select(r => r.GetAttribute("data-person-id")).ToList();
        var secondHtml = await second.Content.ReadAsStringAsync();
        var secondIds = Html.Parse(secondHtml).QuerySelectorAll("tr[data-person-id]").Select(r => r.GetAttribute("data-person-id")).ToList();
        Assert.DoesNotContain("<html", secondHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(20, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public async Task Should_say_that_the_list_differs_from_the_snapshot_when_data_changed_since()
    {
        var city = (await UnitsAsync("440100")).Single();
        var asOf = await NextDateAsync();
        var snapshot = await WriteSnapshotAsync(asOf, new Dictionary<int, Figures> { [city.Id] = CityFigures });
        try
        {
            var client = await app.SignInAsync("city");
            using var response = await client.GetAsync(PeopleUrl(Figure.Participants, city.Id, asOf));
            var page = await response.ReadHtmlAsync();

            Assert.Contains("统计快照：12345 人", Text(page, "[data-testid=people-total]"));
            Assert.Contains("快照后数据有变化", Text(page, "[data-testid=snapshot-differs]"));
        }
        finally
        {
            await RemoveSnapshotAsync(snapshot.Id);
        }
    }

    [Theory]
    [InlineData("township-440111103", false)]
    [InlineData("district-440111", true)]
    public async Task Should_mask_ID_numbers_and_phones_in_the_drill_down_unless_the_role_may_see_them(string account, bool full)
    {
        var township = (await UnitsAsync("440111103")).Single();
        var client = await app.SignInAsync(account);

        using var response = await client.GetAsync(PeopleUrl(Figure.TwoCommitteeCadres, township.Id, Report2019));
        var table = (await response.ReadHtmlAsync()).QuerySelector("table.list")!.OuterHtml;

        Assert.Equal(full, FullIdNumber().IsMatch(table));
        if (!full) Assert.DoesNotMatch(FullPhone(), table);
    }
}
