using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Accounts;

/// <summary>Sign-in rules, trainee self-registration and staff account administration (PRODUCT.md §2 "Accounts").</summary>
[Collection(AppCollection.Name)]
public sealed class AccountTests(AppFixture app)
{
    private const string Password = "Str0ng!pass";

    [Fact]
    public async Task Should_lock_an_account_for_15_minutes_after_5_wrong_passwords()
    {
        var userName = await app.CreateStaffAsync("440111103201", Password);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", "/Account/Login",
                new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = "Wrong!pass1" });

        using var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("锁定 15 分钟", await response.TextAsync());
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

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
    public async Task Should_register_a_trainee_whose_id_name_and_phone_match_the_roster_once()
    {
        var person = await app.WithDbAsync(db => db.Persons
            .Where(p => p.Phone != null && p.Posts.Any(x => x.EndDate == null) && !db.Users.Any(u => u.PersonId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.IdNumber, p.Name, p.Phone }).FirstAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.IdNumber"] = person.IdNumber.ToLowerInvariant(),
            ["Input.Name"] = person.Name,
            ["Input.Phone"] = person.Phone!,
            ["Input.UserName"] = "trainee-" + person.Id,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        };

        var browser = app.Anonymous();
        using var first = await browser.PostFormAsync("/Account/Register", "/Account/Register", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // Signed in by the registration, with a session the next request accepts.
        using (var home = await browser.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var account = await app.WithDbAsync(db => db.Users.Where(u => u.PersonId == person.Id).Select(u => new { u.Role }).SingleAsync());
        Assert.Equal(Roles.Trainee, account.Role);

        fields["Input.UserName"] = "again-" + person.Id;
        using var second = await app.Anonymous().PostFormAsync("/Account/Register", "/Account/Register", fields);
        Assert.Contains("已注册过账号", await second.TextAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.PersonId == person.Id)));
    }

    [Fact]
    public async Task Should_refuse_registration_that_does_not_match_the_roster_and_keep_what_was_typed()
    {
        var person = await app.WithDbAsync(db => db.Persons.Where(p => p.Phone != null)
            .OrderByDescending(p => p.Id).Select(p => new { p.IdNumber, p.Name }).FirstAsync());

        using var response = await app.Anonymous().PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = person.IdNumber,
            ["Input.Name"] = person.Name + "某",
            ["Input.Phone"] = "13800000000",
            ["Input.UserName"] = "nobody",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        var page = await response.ReadHtmlAsync();
        Assert.Contains("请联系所在村（社区）党组织", page.Body!.TextContent);
        Assert.Equal(person.Name + "某", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "nobody")));
    }

    [Fact]
    public async Task Should_refuse_registration_with_a_wrong_id_check_character()
    {
        using var response = await app.Anonymous().PostFormAsync("/Account/Register", "/Account/Register", new Dictionary<string, string>
        {
            ["Input.IdNumber"] = "440103199001011230",
            ["Input.Name"] = "张三",
            ["Input.Phone"] = "13800000000",
            ["Input.UserName"] = "zhangsan",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Contains("校验位错误", await response.TextAsync());
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
        var oneTime = page.QuerySelector("[data-testid=one-time-password]")?.TextContent;
        Assert.False(string.IsNullOrEmpty(oneTime), page.Body!.TextContent);
        var account = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName)
            .Select(u => new { u.Role, Code = u.OrgUnit!.Code, u.MustChangePassword }).SingleAsync());
        Assert.Equal((Roles.VillageStaff, "440111103202", true), (account.Role, account.Code, account.MustChangePassword));
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

    [Fact]
    public async Task Should_make_a_reset_password_one_time_and_demand_a_new_one_at_sign_in()
    {
        var userName = await app.CreateStaffAsync("440111103203", Password);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var city = await app.SignInAsync("city");

        using var reset = await city.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Reset", new Dictionary<string, string>());
        var oneTime = (await reset.ReadHtmlAsync()).QuerySelector("[data-testid=one-time-password]")!.TextContent.Trim();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(userName, Password));
        var user = await app.SignInAsync(userName, oneTime);
        using var home = await user.GetAsync("/Persons");
        Assert.Equal("/Account/ChangePassword", home.Headers.Location?.OriginalString);

        using var changed = await user.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = oneTime,
            ["Input.NewPassword"] = "N3w!password",
            ["Input.ConfirmPassword"] = "N3w!password",
        });
        Assert.Contains("密码已修改", await changed.TextAsync());
        using var after = await user.GetAsync("/Persons");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_sign_in_to_a_disabled_account()
    {
        var userName = await app.CreateStaffAsync("440111103204", Password);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var district = await app.SignInAsync("district-440111");

        using var disabled = await district.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Disable", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var after = await district.GetAsync(disabled.Headers.Location!.OriginalString);
        Assert.Contains("账号已停用", (await after.ReadHtmlAsync()).QuerySelector("[data-testid=flash]")?.TextContent);

        using var response = await app.Anonymous().PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = Password });
        Assert.Contains("该账号已停用", await response.TextAsync());
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "停用账号" && a.Detail == userName && a.UserName == "district-440111")));
    }
}
