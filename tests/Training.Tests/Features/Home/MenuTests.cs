using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Infrastructure.Modules;

namespace Training.Tests.Features.Home;

/// <summary>
/// The menu comes from the modules and is filtered by the same permissions the pages require:
/// each account sees exactly the entries its role holds, and every entry it sees opens.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MenuTests(AppFixture app)
{
    public static readonly TheoryData<string, string> Accounts = new()
    {
        { "trainee-demo", "Trainee" },
        { "village-440111103201", "VillageStaff" },
        { "township-440111103", "TownshipStaff" },
        { "district-440111", "DistrictStaff" },
        { "city", "CityAdmin" },
        { "school-1", "SchoolRegistrar" },
        { "sysadmin", "SystemAdmin" },
        { "auditor", "SecurityAuditor" },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task Each_account_sees_the_entries_its_role_holds_and_each_opens(string account, string role)
    {
        var expected = app.Services.GetRequiredService<ModuleCatalog>().MenuFor(role).Select(e => e.Title).ToList();
        var client = await app.SignInAsync(account);

        using var home = await client.GetAsync("/");
        var links = (await home.ReadHtmlAsync()).QuerySelectorAll("nav.mainnav a")
            .Select(a => (Title: a.TextContent.Trim(), Href: a.GetAttribute("href") ?? "")).ToList();

        Assert.Equal(["首页", .. expected], links.Select(l => l.Title));
        foreach (var (title, href) in links)
        {
            using var page = await client.GetAsync(href);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{account} 的菜单“{title}”（{href}）打开得到 {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task The_current_section_is_marked_and_the_jobs_dashboard_is_not_in_the_main_menu()
    {
        var client = await app.SignInAsync("township-440111103");

        using var detail = await client.GetAsync("/Reserves/Coverage");
        var nav = (await detail.ReadHtmlAsync()).QuerySelector("nav.mainnav")!;

        Assert.Equal(["后备干部"], nav.QuerySelectorAll("a[aria-current=page]").Select(a => a.TextContent.Trim()));
        var admin = await app.SignInAsync(DemoAccounts.SystemAdmin);
        using var adminHome = await admin.GetAsync("/");
        var adminLinks = (await adminHome.ReadHtmlAsync()).QuerySelectorAll("nav.mainnav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/hangfire", adminLinks);
        Assert.Contains("/Maintenance", adminLinks);
    }
}
