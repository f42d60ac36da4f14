using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.People.Account;
using Training.Tests.Features.People.Accounts;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Account;

/// <summary>
/// The page /Account/Recover and its administrator's half on /Admin/Users/Edit (issue 16 §4): a password reaches its
/// owner without the administrator seeing it — the owner's browser holds the request, the administrator confirms the
/// code the owner reads out, and only that browser sets the password.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RecoverTests(AppFixture appArg) : AccountTestBase(appArg)
{
    private const string Page = "/Account/Recover";
    private const string NewPassword = "Hantang-Cun-88";

    [Fact]
    public async Task Should_open_an_account_without_a_password_and_let_its_owner_set_the_first_one_once_confirmed()
    {
        var township = await app.SignInAsync(DemoAccounts.Township);
        var userName = "first-" + Guid.NewGuid().ToString("N")[..6];
        using (var created = await township.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", new Dictionary<string, string>
        {
            ["Input.UnitCode"] = "440111103202", ["Input.UserName"] = userName, ["Input.DisplayName"] = "新兴村党支部",
        }))
            Assert.Contains(userName, (await created.ReadHtmlAsync()).QuerySelector("[data-testid=handover]")?.TextContent);
        var id = await IdOfAsync(userName);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));

        var owner = app.Anonymous();
        var code = await StartAsync(owner, userName);
        using (var confirmed = await ConfirmAsync(township, id, code))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        using (var set = await SetAsync(owner, NewPassword))
            Assert.Equal("/Account/Login", set.Headers.Location?.OriginalString);

        var signedIn = await app.SignInAsync(userName, NewPassword);
        using var home = await signedIn.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var audit = await app.WithDbAsync(db => db.Audit.AsNoTracking().Where(a => a.UserName == userName || a.Detail == userName)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["申请设置密码", "确认密码申请", "经确认设置密码"], audit.Where(a => a.Contains("密码")));
    }

    [Fact]
    public async Task Should_refuse_the_password_to_another_browser_even_after_the_confirmation()
    {
        var userName = await app.CreateStaffAsync("440111103203", Password);
        var id = await IdOfAsync(userName);
        var owner = app.Anonymous();
        var code = await StartAsync(owner, userName);
        var township = await app.SignInAsync(DemoAccounts.Township);
        (await ConfirmAsync(township, id, code)).Dispose();

        var stranger = app.Anonymous();
        using var page = await stranger.GetAsync(Page);
        using var attempt = await stranger.PostAsync($"{Page}?handler=Set", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["newPassword"] = NewPassword, ["confirmPassword"] = NewPassword, ["__RequestVerificationToken"] = await stranger.TokenAsync(Page),
        }));

        Assert.Null((await attempt.ReadHtmlAsync()).QuerySelector("input[name=newPassword]"));
        await app.SignInAsync(userName, Password); // the old password still works: nothing was set
    }

    [Fact]
    public async Task Should_void_the_request_after_five_wrong_codes_and_tell_the_owner()
    {
        var userName = await app.CreateStaffAsync("440111103203", Password);
        var id = await IdOfAsync(userName);
        var owner = app.Anonymous();
        var code = await StartAsync(owner, userName);
        var township = await app.SignInAsync(DemoAccounts.Township);
        var wrong = code == "00000000" ? "11111111" : "00000000";

        for (var i = 1; i < PasswordRequest.MaxWrongCodes; i++)
            Assert.Contains("确认码不对", await (await ConfirmAsync(township, id, wrong)).TextAsync());
        Assert.Contains("没有待确认的申请", await (await ConfirmAsync(township, id, wrong)).TextAsync()); // the fifth voids it
        using var late = await ConfirmAsync(township, id, code);

        Assert.Contains("没有待确认的申请", await late.TextAsync());
        Assert.Contains("上一次申请已失效", await (await owner.GetAsync(Page)).TextAsync());
    }

    [Fact]
    public async Task Should_answer_an_unknown_name_as_a_known_one_and_give_nobody_a_request_to_confirm()
    {
        var owner = app.Anonymous();
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..6];

        var code = await StartAsync(owner, unknown);

        Assert.Matches(@"^\d{4} \d{4}$", code);
        var request = await app.WithDbAsync(db => db.PasswordRequests.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync());
        Assert.Null(request.UserId);
    }

    [Fact]
    public async Task Should_not_let_an_administrator_of_another_unit_confirm()
    {
        var userName = await app.CreateStaffAsync("440111103203", Password);
        var id = await IdOfAsync(userName);
        var code = await StartAsync(app.Anonymous(), userName);
        var other = await app.SignInAsync(DemoAccounts.OtherTownship);

        using var attempt = await other.PostAsync($"/Admin/Users/Edit/{id}?handler=ConfirmRequest", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code, ["__RequestVerificationToken"] = await other.TokenAsync("/Admin/Users"),
        }));

        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PasswordRequests.AnyAsync(r => r.UserId == id && r.ConfirmedAt != null)));
    }

    [Fact]
    public async Task Should_forget_a_request_a_day_after_it_ended()
    {
        var now = DateTime.UtcNow;
        var old = new PasswordRequest(null, "OLD" + Guid.NewGuid().ToString("N"), "C", "203.0.113.81", now.AddDays(-2));
        var recent = new PasswordRequest(null, "NEW" + Guid.NewGuid().ToString("N"), "C", "203.0.113.81", now.AddHours(-2));
        await app.WithDbAsync(db => { db.PasswordRequests.AddRange(old, recent); return db.SaveChangesAsync(); });

        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<ForgetSignInFailuresJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);

        var left = await app.WithDbAsync(db => db.PasswordRequests.Where(r => r.Source == "203.0.113.81").Select(r => r.Id).ToListAsync());
        Assert.Equal([recent.Id], left);
    }

    private Task<string> IdOfAsync(string userName) =>
        app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Starts a request as the owner's browser and reads the code its page shows.</summary>
    private static async Task<string> StartAsync(HttpClient owner, string userName)
    {
        using (var started = await owner.PostFormAsync(Page, $"{Page}?handler=Start", new Dictionary<string, string> { ["userName"] = userName }))
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using var page = await owner.GetAsync(Page);
        return (await page.ReadHtmlAsync()).QuerySelector("[data-testid=recover-code]")!.TextContent.Trim();
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient administrator, string id, string code) =>
        administrator.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=ConfirmRequest", new Dictionary<string, string> { ["code"] = code });

    private static Task<HttpResponseMessage> SetAsync(HttpClient owner, string password) =>
        owner.PostFormAsync(Page, $"{Page}?handler=Set", new Dictionary<string, string> { ["newPassword"] = password, ["confirmPassword"] = password });
}
