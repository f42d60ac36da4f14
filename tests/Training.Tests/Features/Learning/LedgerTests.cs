using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning;

/// <summary>The page /Learning/Ledger/{id}: a person's 学时 for staff in scope, and 冲销 by a reversing entry.</summary>
[Collection(AppCollection.Name)]
public sealed class LedgerTests(AppFixture app)
{
    private async Task<(int PersonId, int EntryId)> CreditedAsync()
    {
        var personId = await app.PersonAsync(cadreSince: TestPeople.Today.AddYears(-1));
        var entryId = await app.WithDbAsync(async db =>
        {
            var e = StudyLedgerEntry.Credit(personId, TestPeople.Today, 8, true, StudySource.Class, null, "test", DateTime.UtcNow);
            db.StudyLedger.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        return (personId, entryId);
    }

    [Fact]
    public async Task Should_reverse_an_entry_with_a_reason_once_and_audit_it()
    {
        var (personId, entryId) = await CreditedAsync();
        var township = await app.SignInAsync(DemoAccounts.Township);
        var url = $"/Learning/Ledger/{personId}";

        using var first = await township.PostFormAsync(url, url + "?handler=Reverse", new Dictionary<string, string> { ["EntryId"] = entryId.ToString(), ["Reason"] = "考勤登记错误" });
        using var second = await township.PostFormAsync(url, url + "?handler=Reverse", new Dictionary<string, string> { ["EntryId"] = entryId.ToString(), ["Reason"] = "再冲一次" });

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var entries = await app.WithDbAsync(db => db.StudyLedger.Where(e => e.PersonId == personId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([8m, -8m], entries.Select(e => e.Hours));
        Assert.Equal(("考勤登记错误", entryId), (entries[1].Reason, entries[1].ReversesId));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "冲销学时" && a.Detail.Contains("考勤登记错误"))));
    }

    [Fact]
    public async Task Should_show_each_persons_own_sums_and_a_credit_made_after_the_page_was_read()
    {
        // The page and the sums are kept between views: per person (one account opens many people's ledgers) and
        // only until the ledger changes.
        var (first, _) = await CreditedAsync();
        var second = await app.PersonAsync(cadreSince: TestPeople.Today.AddYears(-1));
        var township = await app.SignInAsync(DemoAccounts.Township);
        async Task<(string? Required, int Rows)> ReadAsync(int personId)
        {
            var html = await (await township.GetAsync($"/Learning/Ledger/{personId}")).ReadHtmlAsync();
            return (html.QuerySelector("[data-testid=required-hours]")?.TextContent, html.QuerySelectorAll("[data-testid=ledger-rows] tbody tr").Length);
        }
        Assert.Equal(("8 学时", 1), await ReadAsync(first));
        Assert.Equal(("0 学时", 0), await ReadAsync(second));

        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.Add(StudyLedgerEntry.Credit(second, TestPeople.Today, 3, true, StudySource.Offline, null, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(("3 学时", 1), await ReadAsync(second));
        Assert.Equal(("8 学时", 1), await ReadAsync(first));
    }

    [Fact]
    public async Task Should_refuse_a_reversal_without_a_reason()
    {
        var (personId, entryId) = await CreditedAsync();
        var url = $"/Learning/Ledger/{personId}";

        using var response = await (await app.SignInAsync(DemoAccounts.District)).PostFormAsync(url, url + "?handler=Reverse",
            new Dictionary<string, string> { ["EntryId"] = entryId.ToString(), ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("须填写原因", await response.TextAsync());
    }

    [Fact]
    public async Task Should_not_find_a_person_of_another_township_and_refuse_villages()
    {
        var (personId, _) = await CreditedAsync();

        using var other = await (await app.SignInAsync(DemoAccounts.OtherTownship)).GetAsync($"/Learning/Ledger/{personId}");
        using var village = await (await app.SignInAsync(DemoAccounts.Village)).GetAsync($"/Learning/Ledger/{personId}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        AssertRefused(village);
    }
}
