using System.Globalization;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>The staff home's learning card: how many of the unit are overdue and not started this year, the report's numbers.</summary>
[Collection(AppCollection.Name)]
public sealed class OverdueCardTests(AppFixture app)
{
    [Theory]
    [InlineData(DemoAccounts.District, "440111")]
    [InlineData(DemoAccounts.Village, "440111103201")]
    public async Task Should_show_the_units_overdue_and_not_started_counts_of_a_plain_recount(string account, string code)
    {
        var today = TestPeople.Today;
        var plain = (await app.WithDbAsync(db => PlainLearningCount.EveryUnitAsync(db, today.Year, today)))[code];

        var home = await (await (await app.SignInAsync(account)).GetAsync("/")).ReadHtmlAsync();

        Assert.Equal(plain.Overdue, int.Parse(home.QuerySelector("[data-testid=overdue-count]")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(plain.NotStarted, int.Parse(home.QuerySelector("[data-testid=not-started-count]")!.TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_not_show_the_card_to_a_trainee()
    {
        var trainee = await app.TraineeAsync();

        var home = await (await (await app.SignInAsync(trainee)).GetAsync("/")).ReadHtmlAsync();

        Assert.Null(home.QuerySelector("[data-testid=learning-counts]"));
    }
}
