using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Tests.Features.People.Accounts;
using Training.Web.Features.People;
using Training.Web.Features.People.Account;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/Login and its gate (issue 16 §3): it tells an outsider nothing and lets nobody lock anyone else out.</summary>
[Collection(AppCollection.Name)]
public sealed partial class LoginTests(AppFixture appArg) : AccountTestBase(appArg)
{
    private SignInGateOptions Gate => app.Services.GetRequiredService<IOptions<SignInGateOptions>>().Value;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    private async Task<string> RefusedAsync(string userName, string password, string source)
    {
        using var response = await PostAsync(app.Anonymous(source), userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not signed in
        Assert.Null(AppFixture.AuthCookieOf(response));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page a refusal shows, without what differs from one post to the next: the token, the name typed back.</summary>
    private static string Comparable(string page, string userName) =>
        TokenValue().Replace(page, "").Replace(WebUtility.HtmlEncode(userName), "NAME").Replace(userName, "NAME");

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]*")]
    private static partial Regex TokenValue();

    [Fact]
    public async Task Should_audit_each_sign_in_and_each_refusal_with_the_address_it_came_from_and_its_outcome()
    {
        var userName = await app.CreateStaffAsync(TestPeople.OwnVillage, Password);
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        await RefusedAsync(userName, "Wrong!pass1", "203.0.113.91");
        await RefusedAsync(unknown, Password, "203.0.113.92");
        await app.SignInFromAsync("203.0.113.93", userName, Password);

        var entries = await app.WithDbAsync(db => db.Audit.AsNoTracking()
            .Where(a => a.Source == "203.0.113.91" || a.Source == "203.0.113.92" || a.Source == "203.0.113.93")
            .Select(a => new { a.UserName, a.Action, a.Detail, a.Source, a.Outcome }).ToListAsync());
        Assert.Contains(entries, e => e.UserName == userName && e.Action == PeopleTexts.SignInRefusedAudit
            && e.Detail == PeopleTexts.RefusedWrongPassword && e.Source == "203.0.113.91" && e.Outcome == AuditOutcome.Refused);
        Assert.Contains(entries, e => e.UserName == PeopleTexts.UnknownAccountName && e.Detail == PeopleTexts.RefusedUnknownName
            && e.Source == "203.0.113.92" && e.Outcome == AuditOutcome.Refused);
        Assert.Contains(entries, e => e.UserName == userName && e.Action == PeopleTexts.SignedInAudit
            && e.Source == "203.0.113.93" && e.Outcome == AuditOutcome.Done);
        // What was typed as a name that is nobody's may be a password: it is not kept.
        Assert.DoesNotContain(entries, e => e.UserName.Contains(unknown) || e.Detail.Contains(unknown));
    }

    private async Task<TimeSpan> TimedAsync(Func<Task> post)
    {
        var clock = Stopwatch.StartNew();
        await post();
        return clock.Elapsed;
    }

    [Fact]
    public async Task Should_refuse_an_unknown_name_a_wrong_password_a_locked_and_a_disabled_account_with_the_same_page_in_the_same_time()
    {
        var wrong = await app.CreateStaffAsync("440111103201", Password);
        var disabled = await app.CreateStaffAsync("440111103201", Password);
        await app.WithDbAsync(db => db.Users.Where(u => u.UserName == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var locked = await app.CreateStaffAsync("440111103201", Password);
        const string lockedFrom = "203.0.113.31";
        await Task.WhenAll(Enumerable.Range(0, Gate.PerAccountAndSource).Select(_ => RefusedAsync(locked, "Wrong!pass1", lockedFrom)));
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];

        // Each case three times from an address of its own; the right password for the locked and the disabled account.
        var cases = new (string Name, string Password, string Source)[]
        {
            (unknown, Password, "203.0.113.32"), (wrong, "Wrong!pass1", "203.0.113.33"), (locked, Password, lockedFrom), (disabled, Password, "203.0.113.34"),
        };
        var pages = new List<string>();
        var medians = new List<TimeSpan>();
        foreach (var (name, password, source) in cases)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < 3; i++)
            {
                string page = "";
                times.Add(await TimedAsync(async () => page = await RefusedAsync(name, password, source)));
                pages.Add(Comparable(page, name));
            }
            Assert.All(times, t => Assert.True(t >= Gate.Floor, $"{name}: a refusal answered in {t.TotalMilliseconds:0} ms, under the floor"));
            medians.Add(times.Order().ElementAt(1));
        }

        Assert.Single(pages.Distinct());
        Assert.Contains(PeopleTexts.SignInRefused, pages[0]);
        Assert.True(medians.Max() - medians.Min() < Gate.Floor / 2,
            $"medians {string.Join(", ", medians.Select(m => m.TotalMilliseconds.ToString("0")))} ms");
    }

    [Fact]
    public async Task Should_keep_an_address_out_of_an_account_after_five_failures_while_its_owner_signs_in_from_another()
    {
        var userName = await app.CreateStaffAsync("440111103201", Password);
        const string outsider = "203.0.113.41";
        await Task.WhenAll(Enumerable.Range(0, Gate.PerAccountAndSource).Select(_ => RefusedAsync(userName, "Wrong!pass1", outsider)));

        var fromOutsider = await RefusedAsync(userName, Password, outsider);
        using var fromOwner = await PostAsync(app.Anonymous("203.0.113.42"), userName, Password);

        Assert.Contains(PeopleTexts.SignInRefused, fromOutsider);
        Assert.Equal(HttpStatusCode.Redirect, fromOwner.StatusCode);
        Assert.NotNull(AppFixture.AuthCookieOf(fromOwner));
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd); // the account itself was never locked
    }

    [Fact]
    public async Task Should_refuse_every_sign_in_from_an_address_that_failed_on_many_names_and_nobody_else()
    {
        const string sprayer = "203.0.113.51";
        await Task.WhenAll(Enumerable.Range(0, Gate.PerSource).Select(i => RefusedAsync($"guess-{i}-{Guid.NewGuid():N}"[..20], "Passw0rd!", sprayer)));

        var demo = await RefusedAsync(DemoAccounts.Village, AppFixture.DemoPassword, sprayer);
        var elsewhere = await app.SignInFromAsync("203.0.113.52", DemoAccounts.Village);

        Assert.Contains(PeopleTexts.SourceThrottled, demo);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Should_forget_the_failures_after_a_success_from_the_same_address()
    {
        var userName = await app.CreateStaffAsync("440111103201", Password);
        const string source = "203.0.113.61";
        await Task.WhenAll(Enumerable.Range(0, Gate.PerAccountAndSource - 1).Select(_ => RefusedAsync(userName, "Wrong!pass1", source)));

        await app.SignInFromAsync(source, userName, Password);

        var key = SignInGate.AccountKey(userName);
        Assert.Equal(0, await app.WithDbAsync(db => db.SignInFailures.CountAsync(f => f.AccountKey == key && f.Source == source)));
    }

    [Fact]
    public async Task Should_keep_the_failures_a_day_and_count_the_name_only_as_a_hash()
    {
        var job = ActivatorUtilities.CreateInstance<ForgetSignInFailuresJob>(app.Services.CreateScope().ServiceProvider);
        var now = DateTime.UtcNow;
        var typed = "S3cret-typed-in-the-name-field";
        await app.WithDbAsync(async db =>
        {
            db.SignInFailures.Add(new SignInFailure(SignInGate.AccountKey("old-" + typed), "203.0.113.71", now.AddDays(-1).AddMinutes(-1)));
            db.SignInFailures.Add(new SignInFailure(SignInGate.AccountKey("recent-" + typed), "203.0.113.71", now.AddHours(-23)));
            return await db.SaveChangesAsync();
        });
        await RefusedAsync(typed, "whatever", "203.0.113.72");

        var removed = await job.RunAsync(CancellationToken.None);

        var left = await app.WithDbAsync(db => db.SignInFailures.Where(f => f.Source.StartsWith("203.0.113.7")).Select(f => f.AccountKey).ToListAsync());
        Assert.True(removed >= 1);
        Assert.Equal(2, left.Count);
        Assert.Contains(SignInGate.AccountKey(typed), left);
        Assert.DoesNotContain(left, k => k.Contains("S3cret", StringComparison.OrdinalIgnoreCase));
    }
}
