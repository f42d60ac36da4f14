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

/// <summary>The page /Account/Login.</summary>
[Collection(AppCollection.Name)]
public sealed class LoginTests(AppFixture appArg) : AccountTestBase(appArg)
{
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
}
