using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Training.Core.Identity;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Demo;

namespace Training.Tests.Features.People.Account.TwoFactor;

/// <summary>The page /Account/TwoFactor/Setup: an authenticator set up, then recovery codes shown once.</summary>
[Collection(AppCollection.Name)]
public sealed class SetupTests(AppFixture app)
{
    private const string Password = "Str0ng!pass-12";
    private const string District = "440111";

    [Fact]
    public async Task Should_keep_a_district_account_on_the_set_up_until_its_authenticator_answers_then_show_ten_recovery_codes()
    {
        var userName = await app.CreateStaffAsync(District, Password, Roles.DistrictStaff);
        var client = await app.SignInAsync(userName, Password);

        using (var persons = await client.GetAsync("/Persons"))
            Assert.Equal("/Account/TwoFactor/Setup", persons.Headers.Location?.OriginalString);
        using (var started = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup?handler=Start", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using var setup = await client.GetAsync("/Account/TwoFactor/Setup");
        var page = await setup.ReadHtmlAsync();
        var key = page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "").ToUpperInvariant();
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img.qr")!.GetAttribute("src"));

        using (var wrong = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup?handler=Confirm",
                   new Dictionary<string, string> { ["Input.Code"] = OtherCode(key) }))
            Assert.Contains("验证码不正确", await wrong.TextAsync());
        using var confirmed = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup?handler=Confirm",
            new Dictionary<string, string> { ["Input.Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow) });

        var codes = (await confirmed.ReadHtmlAsync()).QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        using (var after = await client.GetAsync("/Persons"))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.TwoFactorEnabled).SingleAsync()));
        // Kept as hashes: no code as shown is in the database.
        var kept = await app.WithDbAsync(db => db.UserTokens.Where(t => t.Name == "RecoveryCodes" && db.Users.Any(u => u.Id == t.UserId && u.UserName == userName)).Select(t => t.Value).SingleAsync());
        Assert.DoesNotContain(codes[0], kept!);
    }

    /// <summary>A 6-digit code that is none of the key's codes around now.</summary>
    private static string OtherCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var near = Enumerable.Range(-2, 5).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6")).First(c => !near.Contains(c));
    }
}
