using System.Text.RegularExpressions;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Audit.Home;

/// <summary>The auditor's home card: today's entries and refusals (Guangzhou's day), each linking to the list.</summary>
[Collection(AppCollection.Name)]
public sealed partial class AuditCardTests(AppFixture app)
{
    [Fact]
    public async Task Should_count_todays_refusals_and_not_yesterdays()
    {
        var auditor = await app.SignInAsync(DemoAccounts.Auditor);
        var before = await CountsAsync(auditor);

        await app.WithDbAsync(db =>
        {
            db.Audit.Add(new AuditEntry("card-probe", "登录", "密码错误", DateTime.UtcNow, AuditOutcome.Refused));
            db.Audit.Add(new AuditEntry("card-probe", "登录", "密码错误", DateTime.UtcNow, AuditOutcome.Refused));
            db.Audit.Add(new AuditEntry("card-probe", "登录", "密码错误", DateTime.UtcNow.AddDays(-2), AuditOutcome.Refused));
            return db.SaveChangesAsync();
        });
        var after = await CountsAsync(auditor);

        Assert.Equal(before.Refused + 2, after.Refused);
        Assert.True(after.Entries >= before.Entries + 2);
    }

    private static async Task<(int Entries, int Refused)> CountsAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        var links = (await home.ReadHtmlAsync()).QuerySelectorAll("[data-testid=audit-today] a").Select(a => a.TextContent).ToList();
        Assert.Equal(2, links.Count);
        return (Number(links[0]), Number(links[1]));
    }

    private static int Number(string text) => int.Parse(Digits().Match(text).Value.Replace(",", ""));

    [GeneratedRegex(@"[\d,]+")]
    private static partial Regex Digits();
}
