using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;

namespace Training.Tests.Features.People.Admin.Users;

/// <summary>The page /Admin/Users/Create.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTests(AppFixture appArg) : AccountTestBase(appArg)
{
    [Fact]
    public async Task Should_reject_a_password_with_fewer_than_three_character_classes()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = "weak-" + Guid.NewGuid().ToString("N")[..8], Role = Roles.VillageStaff }, "abcdefgh1");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains("至少三类"));
    }

    [Fact]
    public async Task Should_let_a_township_open_an_account_for_its_village_with_the_village_role()
    {
        var township = await app.SignInAsync("township-440111103");
        var userName = "new-village-" + Guid.NewGuid().ToString("N")[..6];

        using var response = await township.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UnitCode"] = "440111103202",
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "新兴村党支部",
        });

        var page = await response.ReadHtmlAsync();
        Assert.Contains("首次登录或忘记密码", page.QuerySelector("[data-testid=handover]")?.TextContent);
        var account = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
            .Select(u => new { u.Role, Code = u.OrgUnit!.Code, u.PasswordHash }).SingleAsync());
        Assert.Equal((Roles.VillageStaff, "440111103202", null), (account.Role, account.Code, account.PasswordHash)); // its owner sets it
    }

    [Theory]
    [InlineData("440111103")]      // its own unit
    [InlineData("440111")]         // above it
    [InlineData("440103001001")]   // another district's village
    public async Task Should_not_let_a_township_open_accounts_outside_the_units_below_it(string unitCode)
    {
        var township = await app.SignInAsync("township-440111103");
        var userName = "outside-" + Guid.NewGuid().ToString("N")[..6];

        using var response = await township.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UnitCode"] = unitCode,
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "越权",
        });

        Assert.Contains("不在您可以开设账号的范围内", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
    }
}
