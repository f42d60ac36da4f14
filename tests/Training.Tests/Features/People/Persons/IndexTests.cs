using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.People;

namespace Training.Tests.Features.People.Persons;

/// <summary>The page /Persons: the persons of the account's scope, by name or by full ID number.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_audit_a_district_seeing_full_ID_numbers_and_not_a_township_seeing_masked_ones()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var district = await app.SignInFromAsync("203.0.113.51", DemoAccounts.District);
        var township = await app.SignInFromAsync("203.0.113.52", DemoAccounts.Township);

        using (var full = await district.GetAsync($"/Persons?q=&m={marker}"))
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        using (var masked = await township.GetAsync($"/Persons?q=&m={marker}"))
            Assert.Equal(HttpStatusCode.OK, masked.StatusCode);

        var entry = await app.AuditEntryAsync(a => a.Detail.Contains(marker));
        Assert.NotNull(entry);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Detail.Contains(marker))));
        Assert.Equal((DemoAccounts.District, "203.0.113.51"), (entry.UserName, entry.Source));
        Assert.Equal(Training.Web.Infrastructure.Web.CommonTexts.PersonalDataViewedAudit, entry.Action);
        Assert.Matches(@"完整身份证号 [1-9]\d* 个", entry.Detail);
    }

    [Fact]
    public async Task Should_open_the_record_of_a_person_of_the_scope_found_by_full_id_number()
    {
        var id = await app.PersonAsync(TestPeople.OwnVillage, "查找");
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == id).Select(p => p.IdNumber).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var found = await township.PostFormAsync("/Persons", "/Persons?handler=Find", new Dictionary<string, string> { ["IdNumber"] = idNumber });

        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/Persons/Details/{id}", found.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Should_say_no_such_person_for_an_id_number_outside_the_scope_and_not_open_it()
    {
        var elsewhere = await app.VillageCodeAsync("440103");
        var id = await app.PersonAsync(elsewhere, "外区");
        var idNumber = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == id).Select(p => p.IdNumber).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var answer = await township.PostFormAsync("/Persons", "/Persons?handler=Find", new Dictionary<string, string> { ["IdNumber"] = idNumber });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.ReadHtmlAsync();
        Assert.Contains(PeopleTexts.NoPersonWithIdNumber, page.Body!.TextContent);
        Assert.DoesNotContain(idNumber, page.Body.TextContent);
    }

    [Fact]
    public async Task Should_list_the_persons_of_a_name_in_the_scope_with_id_numbers_masked()
    {
        var id = await app.PersonAsync(TestPeople.OwnVillage, "同名");
        var person = await app.WithDbAsync(db => db.Persons.Where(p => p.Id == id).Select(p => new { p.Name, p.IdNumber }).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);

        using var list = await township.GetAsync($"/Persons?q={Uri.EscapeDataString(person.Name)}");

        var page = await list.ReadHtmlAsync();
        Assert.Equal("共 1 人", page.QuerySelector("[data-testid=persons-total]")?.TextContent.Trim());
        var row = Assert.Single(page.QuerySelectorAll("table.list tbody tr"));
        Assert.Contains(person.Name, row.TextContent);
        Assert.Contains(ResidentId.Mask(person.IdNumber), row.TextContent);
        Assert.DoesNotContain(person.IdNumber, row.TextContent);
    }

    [Fact]
    public async Task Should_count_a_person_registered_after_the_list_was_read_at_once()
    {
        var villageId = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == TestPeople.OwnVillage).Select(u => u.Id).SingleAsync());
        var township = await app.SignInAsync(DemoAccounts.Township);
        var before = await TotalAsync(township, $"/Persons?unit={villageId}");

        var id = await app.PersonAsync(TestPeople.OwnVillage, "新登记");

        Assert.Equal(before + 1, await TotalAsync(township, $"/Persons?unit={villageId}"));
        await app.WithDbAsync(async db => db.Persons.Remove(await db.Persons.SingleAsync(p => p.Id == id)) is not null && await db.SaveChangesAsync() > 0);
        Assert.Equal(before, await TotalAsync(township, $"/Persons?unit={villageId}"));
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        using var list = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var text = (await list.ReadHtmlAsync()).QuerySelector("[data-testid=persons-total]")!.TextContent.Trim();
        return int.Parse(text.Replace("共", "").Replace("人", "").Replace(",", "").Trim());
    }
}
