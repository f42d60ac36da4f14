using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning;

/// <summary>The page /Learning/Hours (我的学时): the year's sums from the ledger, reversals included, against the highest target owed.</summary>
[Collection(AppCollection.Name)]
public sealed class HoursTests(AppFixture app)
{
    [Fact]
    public async Task Should_sum_the_years_entries_count_a_reversal_and_owe_the_cadre_target()
    {
        var trainee = await app.TraineeAsync(Standing.Cadre);
        var today = TestPeople.Today;
        await app.WithDbAsync(async db =>
        {
            var class8 = StudyLedgerEntry.Credit(trainee.PersonId, today, 8, true, StudySource.Class, null, "test", DateTime.UtcNow);
            db.StudyLedger.AddRange(class8,
                StudyLedgerEntry.Credit(trainee.PersonId, today, 1.5m, false, StudySource.OnlineCourse, null, "test", DateTime.UtcNow),
                StudyLedgerEntry.Credit(trainee.PersonId, today, 4, true, StudySource.Class, null, "test", DateTime.UtcNow),
                StudyLedgerEntry.Credit(trainee.PersonId, new DateOnly(today.Year - 1, 6, 1), 20, true, StudySource.Offline, null, "test", DateTime.UtcNow));
            await db.SaveChangesAsync();
            db.StudyLedger.Add(StudyLedgerEntry.ReversalOf(class8, "考勤登记错误", false, today, "township", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var html = await (await (await app.SignInAsync(trainee)).GetAsync("/Learning/Hours")).ReadHtmlAsync();

        Assert.Equal("4 学时", html.QuerySelector("[data-testid=required-hours]")?.TextContent);
        Assert.Equal("1.5 学时", html.QuerySelector("[data-testid=elective-hours]")?.TextContent);
        Assert.StartsWith("50.5 学时", html.QuerySelector("[data-testid=still-owed]")?.TextContent); // 56 for a 两委干部
        Assert.Equal(4, html.QuerySelectorAll("[data-testid=ledger-rows] tbody tr").Length);
        Assert.Contains("考勤登记错误", html.QuerySelector("[data-testid=ledger-rows]")?.TextContent);
    }

    [Fact]
    public async Task Should_show_a_credit_in_the_years_sums_at_once_and_each_year_its_own()
    {
        // The sums are kept between requests (shared with the home's card): a credit since must show, in its own year only.
        var trainee = await app.TraineeAsync(Standing.Cadre);
        var client = await app.SignInAsync(trainee);
        var today = TestPeople.Today;
        async Task<string?> RequiredAsync(int year) =>
            (await (await client.GetAsync($"/Learning/Hours?year={year}")).ReadHtmlAsync()).QuerySelector("[data-testid=required-hours]")?.TextContent;
        async Task<int> RowsAsync(int year) =>
            (await (await client.GetAsync($"/Learning/Hours?year={year}")).ReadHtmlAsync()).QuerySelectorAll("[data-testid=ledger-rows] tbody tr").Length;
        Assert.Equal("0 学时", await RequiredAsync(today.Year));
        Assert.Equal("0 学时", await RequiredAsync(today.Year - 1)); // a year without entries: the current one is shown
        Assert.Equal(0, await RowsAsync(today.Year));

        await app.WithDbAsync(async db =>
        {
            db.StudyLedger.AddRange(
                StudyLedgerEntry.Credit(trainee.PersonId, today, 2, true, StudySource.Offline, null, "test", DateTime.UtcNow),
                StudyLedgerEntry.Credit(trainee.PersonId, new DateOnly(today.Year - 1, 6, 1), 7, true, StudySource.Offline, null, "test", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        Assert.Equal("2 学时", await RequiredAsync(today.Year));
        Assert.Equal("7 学时", await RequiredAsync(today.Year - 1));
        Assert.Equal(1, await RowsAsync(today.Year));
    }
}
