using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>The page /Learning/Reports/People: the persons behind a number of the report, as many as the number, paged, ID numbers masked for a township.</summary>
[Collection(AppCollection.Name)]
public sealed class PeopleTests(AppFixture app)
{
    private static DateOnly Today => TestPeople.Today;

    private Task<int> UnitIdAsync(string code) => app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Theory]
    [InlineData("Learners")]
    [InlineData("NotStarted")]
    [InlineData("Reached")]
    [InlineData("Overdue")]
    public async Task Should_list_as_many_persons_as_the_figure_counts(string figure)
    {
        var plain = (await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, Today.Year, Today)))["440111103"];
        var client = await app.SignInAsync(DemoAccounts.Township);

        var page = await (await client.GetAsync($"/Learning/Reports/People?figure={figure}&unit={await UnitIdAsync("440111103")}")).ReadHtmlAsync();

        var expected = figure switch { "Learners" => plain.Learners, "NotStarted" => plain.NotStarted, "Reached" => plain.Reached, _ => plain.Overdue };
        Assert.Equal(expected, int.Parse(page.QuerySelector("[data-testid=people-total] strong")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.InRange(page.QuerySelectorAll("[data-testid=people] tr[data-person-id]").Length, Math.Min(expected, 1), 20);
        Assert.All(page.QuerySelectorAll("[data-testid=people] tr[data-village-code]"), r => Assert.StartsWith("440111103", r.GetAttribute("data-village-code")));
    }

    [Fact]
    public async Task Should_mask_id_numbers_for_a_township_and_show_the_years_hours()
    {
        var person = await app.PersonAsync(cadreSince: Today.AddYears(-1));
        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(Training.Core.Domain.StudyLedgerEntry.Credit(person, Today, 2.5m, true, Training.Core.Domain.StudySource.Class, null, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        var name = await app.PersonNameAsync(person);
        var client = await app.SignInAsync(DemoAccounts.Township);
        var village = await UnitIdAsync(TestPeople.OwnVillage);

        var rows = new List<AngleSharp.Dom.IElement>();
        for (var p = 1; p < 50 && rows.Count == 0; p++)
        {
            var page = await (await client.GetAsync($"/Learning/Reports/People?figure=Cadres&unit={village}&p={p}")).ReadHtmlAsync();
            rows = page.QuerySelectorAll($"tr[data-person-id='{person}']").ToList();
        }

        var row = Assert.Single(rows);
        Assert.Contains(name, row.TextContent);
        Assert.Contains("********", row.QuerySelector("td[data-label=身份证号]")?.TextContent);
        Assert.Equal("2.5", row.QuerySelector("[data-testid=total]")?.TextContent);
    }

    [Fact]
    public async Task Should_show_a_credit_in_a_listed_persons_hours_at_once_after_the_page_was_read()
    {
        var person = await app.PersonAsync(cadreSince: Today.AddYears(-1));
        var client = await app.SignInAsync(DemoAccounts.Township);
        var village = await UnitIdAsync(TestPeople.OwnVillage);
        string? url = null;
        AngleSharp.Dom.IElement? before = null;
        for (var p = 1; p < 50 && before is null; p++)
        {
            url = $"/Learning/Reports/People?figure=Cadres&unit={village}&p={p}";
            before = (await (await client.GetAsync(url)).ReadHtmlAsync()).QuerySelector($"tr[data-person-id='{person}']");
        }
        Assert.NotNull(before);

        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(Training.Core.Domain.StudyLedgerEntry.Credit(person, Today, 2.5m, true, Training.Core.Domain.StudySource.Class, null, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var after = (await (await client.GetAsync(url)).ReadHtmlAsync()).QuerySelector($"tr[data-person-id='{person}']");
        Assert.Equal("0", before.QuerySelector("[data-testid=total]")?.TextContent);
        Assert.Equal("2.5", after?.QuerySelector("[data-testid=total]")?.TextContent);
    }

    [Fact]
    public async Task Should_not_open_without_a_figure_or_for_another_townships_assignment_list()
    {
        var client = await app.SignInAsync(DemoAccounts.Township);
        var own = await UnitIdAsync("440111103");
        var other = await app.AssignAsync((await app.CourseAsync(ownerCode: "440103")).Id, "440103", ownerCode: "440103");

        using var bare = await client.GetAsync($"/Learning/Reports/People?unit={own}");
        using var foreign = await client.GetAsync($"/Learning/Reports/People?assignment={other}&standing=NotStarted&unit={own}");

        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Should_list_by_village_and_name_and_place_a_renamed_person_at_once()
    {
        var client = await app.SignInAsync(DemoAccounts.Township);
        var url = $"/Learning/Reports/People?figure=Cadres&unit={await UnitIdAsync(TestPeople.OwnVillage)}";
        var shown = await AllShownAsync(client, url);
        Assert.True(shown.Count > 1);
        Assert.Equal(await InOrderAsync(shown), shown);

        var first = shown[0];
        await app.WithDbAsync(async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == first);
            person.UpdateContact("龥" + person.Name, person.Phone, person.PoliticalStatus); // sorts after every other name
            return await db.SaveChangesAsync();
        });

        var after = await AllShownAsync(client, url);
        Assert.Equal(await InOrderAsync(after), after);
        Assert.Equal(first, after[^1]);
    }

    private static async Task<List<int>> AllShownAsync(HttpClient client, string url)
    {
        var ids = new List<int>();
        for (var p = 1; p < 50; p++)
        {
            var rows = (await (await client.GetAsync($"{url}&p={p}")).ReadHtmlAsync()).QuerySelectorAll("tr[data-person-id]")
                .Select(r => int.Parse(r.GetAttribute("data-person-id")!, CultureInfo.InvariantCulture)).ToList();
            if (rows.Count == 0 || ids.Contains(rows[0])) break; // past the last page the pager shows the last one again
            ids.AddRange(rows);
        }
        return ids;
    }

    private Task<List<int>> InOrderAsync(List<int> ids) => app.WithDbAsync(async db =>
        (await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Village.Path, p.Name }).ToListAsync())
        .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p => p.Id).ToList());
}
