using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/Register.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterTests(AppFixture appArg) : AccountTestBase(appArg)
{
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
}
