using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;

using static Training.Tests.Features.People.Accounts.SessionCookies;

using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/ChangePassword.</summary>
[Collection(AppCollection.Name)]
public sealed class ChangePasswordTests(AppFixture app)
{
    [Fact]
    public async Task Should_end_the_other_sessions_and_keep_this_one_with_its_sign_in_time_when_the_password_is_changed()
    {
        var userName = await app.CreateStaffAsync(Unit, Password);
        var (other, _) = await app.SignInWithCookieAsync(userName, Password);
        var (browser, cookie) = await app.SignInWithCookieAsync(userName, Password);

        using var changed = await browser.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "N3w!password",
            ["Input.ConfirmPassword"] = "N3w!password",
        });

        Assert.Contains("密码已修改", await changed.TextAsync());
        var refreshed = AppFixture.AuthCookieOf(changed) ?? throw new InvalidOperationException("The password change re-issued no cookie.");
        Assert.Equal(SessionClaims.SignedInAtOf(app.Ticket(cookie).Principal), SessionClaims.SignedInAtOf(app.Ticket(refreshed).Principal));
        using (var mine = await browser.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using var theirs = await other.GetAsync("/Persons");
        AssertSentToLogin(theirs);
    }
}
