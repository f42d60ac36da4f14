using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Org;

/// <summary>The page /Org: the account's unit and the units under it, each with its people counted.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_count_each_village_of_the_township_as_the_roster_holds_it()
    {
        await app.PersonAsync(TestPeople.OwnVillage, "机构", cadreSince: TestPeople.Today.AddYears(-1));
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var response = await township.GetAsync("/Org");
        var page = await response.ReadHtmlAsync();
        var row = page.QuerySelector($"[data-testid=org-children] tr[data-code='{TestPeople.OwnVillage}']");

        Assert.NotNull(row);
        var persons = await app.WithDbAsync(db => db.Persons.CountAsync(p => p.Village.Code == TestPeople.OwnVillage));
        Assert.Equal(persons.ToString(), row.QuerySelector("td[data-label=登记人员]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Should_add_up_each_townships_villages_as_a_plain_count_over_the_roster()
    {
        var district = await app.SignInAsync(DemoAccounts.District);
        var today = TestPeople.Today;
        var expected = await app.WithDbAsync(async db =>
        {
            var districtPath = await db.OrgUnits.Where(u => u.Code == "440111").Select(u => u.Path).SingleAsync();
            var townships = await db.OrgUnits.Where(u => u.Level == OrgLevel.Township && u.Path.StartsWith(districtPath)).ToListAsync();
            var result = new Dictionary<string, string[]>();
            foreach (var t in townships)
            {
                var villages = await db.OrgUnits.Where(v => v.Level == OrgLevel.Village && v.ParentId == t.Id).ToListAsync();
                var ids = villages.Select(v => v.Id).ToList();
                result[t.Code] =
                [
                    villages.Count.ToString(),
                    (await db.Persons.CountAsync(p => ids.Contains(p.VillageId))).ToString(),
                    (await db.Persons.Where(Person.TwoCommitteeCadreOn(today)).CountAsync(p => ids.Contains(p.VillageId))).ToString(),
                    (await db.Reserves.Where(ReserveCandidate.InPoolOnDate(today)).CountAsync(r => ids.Contains(r.VillageId))).ToString(),
                ];
            }
            return result;
        });

        using var response = await district.GetAsync("/Org");
        var page = await response.ReadHtmlAsync();

        Assert.NotEmpty(expected);
        foreach (var (code, figures) in expected)
        {
            var row = page.QuerySelector($"[data-testid=org-children] tr[data-code='{code}']");
            Assert.NotNull(row);
            string[] shown = ["村（社区）", "登记人员", "现任两委", "在库后备"];
            Assert.Equal(figures, shown.Select(label => row.QuerySelector($"td[data-label={label}]")?.TextContent.Trim() ?? "").ToArray());
        }
    }

    [Fact]
    public async Task Should_not_open_a_unit_outside_the_accounts_scope()
    {
        var otherDistrict = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440103").Select(u => u.Id).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var response = await township.GetAsync($"/Org?id={otherDistrict}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
