using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.People.Accounts;

namespace Training.Tests.Features.People.Accounts;

/// <summary>
/// Separation of duties (issue 16 §4, 等保 8.1.4.2): the system administrator runs the business accounts and no
/// administrator's, nobody grants itself or a peer more, and the CityAdmin no longer runs accounts.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountRulesTests(AppFixture appArg) : AccountTestBase(appArg)
{
    [Theory]
    [InlineData(Roles.SystemAdmin)]
    [InlineData(Roles.SecurityAuditor)]
    public async Task Should_not_let_the_system_administrator_find_or_change_an_administrator_account(string role)
    {
        var peer = await CommandLineAdminAsync(role);
        var before = await app.WithDbAsync(db => db.Users.Where(u => u.Id == peer.Id).Select(u => u.PasswordHash).SingleAsync());
        var admin = await app.SignInAsync(DemoAccounts.SystemAdmin);

        using var list = await admin.GetAsync($"/Admin/Users?q={peer.UserName}");
        using var edit = await admin.GetAsync($"/Admin/Users/Edit/{peer.Id}");
        using var reset = await admin.PostFormAsync("/Admin/Users/Create", $"/Admin/Users/Edit/{peer.Id}?handler=ConfirmRequest", new Dictionary<string, string> { ["code"] = "12345678" });
        using var disable = await admin.PostFormAsync("/Admin/Users/Create", $"/Admin/Users/Edit/{peer.Id}?handler=Disable", new Dictionary<string, string>());

        Assert.DoesNotContain(peer.UserName, (await list.ReadHtmlAsync()).QuerySelector("#rows")!.TextContent);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (edit.StatusCode, reset.StatusCode, disable.StatusCode));
        var after = await app.WithDbAsync(db => db.Users.Where(u => u.Id == peer.Id).Select(u => new { u.PasswordHash, u.IsDisabled }).SingleAsync());
        Assert.Equal((before, false), (after.PasswordHash, after.IsDisabled));
    }

    [Fact]
    public async Task Should_let_the_system_administrator_open_a_CityAdmin_account_and_a_registrar()
    {
        var admin = await app.SignInAsync(DemoAccounts.SystemAdmin);
        var city = "new-city-" + Guid.NewGuid().ToString("N")[..6];

        using var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UnitCode"] = "440100",
            ["Input.UserName"] = city,
            ["Input.DisplayName"] = "市委组织部干部科",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Roles.CityAdmin, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == city).Select(u => u.Role).SingleAsync()));
    }

    [Theory]
    [InlineData(DemoAccounts.District, "440111")]  // its own unit: a peer
    [InlineData(DemoAccounts.District, "440100")]  // above it
    [InlineData(DemoAccounts.Township, "440111103")]
    public async Task Should_not_let_staff_open_an_account_at_its_own_level_or_above(string account, string unitCode)
    {
        var client = await app.SignInAsync(account);
        var userName = "peer-" + Guid.NewGuid().ToString("N")[..6];

        using var response = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UnitCode"] = unitCode,
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "同级账号",
        });

        Assert.Contains("不在您可以开设账号的范围内", (await response.ReadHtmlAsync()).Body!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }

    [Fact]
    public async Task Should_bind_the_separated_duties_to_no_unit_so_that_no_scope_reaches_business_data()
    {
        var accounts = await app.WithDbAsync(db => db.Users.Where(u => RoleSets.Administrators.Contains(u.Role))
            .Select(u => new { u.UserName, u.OrgUnitId, u.SchoolId, u.PersonId }).ToListAsync());

        Assert.NotEmpty(accounts);
        Assert.All(accounts, a => Assert.True(a.OrgUnitId is null && a.SchoolId is null && a.PersonId is null, a.UserName));
    }

    private async Task<(string Id, string UserName)> CommandLineAdminAsync(string role)
    {
        var userName = "peer-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().CreateAsync(userName, Password, role));
        return (await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync()), userName);
    }
}
