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
    public async Task Should_not_open_a_unit_outside_the_accounts_scope()
    {
        var otherDistrict = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == "440103").Select(u => u.Id).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var response = await township.GetAsync($"/Org?id={otherDistrict}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
