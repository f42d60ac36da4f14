using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Infrastructure;

/// <summary>
/// The whole app over a fresh SQLite file, started once for the test assembly. In
/// Development the app migrates and loads the demo data itself when the database is empty
/// (Infrastructure/Startup.cs), so tests see exactly what <c>dotnet run</c> shows.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string DemoPassword = "Gz-Cadre-2019";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-tests-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public IServiceProvider Services => Started().Services;

    /// <summary>Errors with an exception the app logged (an unhandled exception in a request among them).</summary>
    public ErrorLog Errors { get; } = new();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _factory = new Factory(_folder, Errors);
        // Builds the host: migrations and demo data run here, once, before any test.
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        // Pooled connections keep the files open.
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a straggling handle: the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs <paramref name="f"/> with a DbContext of its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
    {
        await using var scope = Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    /// <summary>
    /// The newest audit entry <paramref name="where"/> keeps, waited for up to 5 s: the entries of reads (a full ID
    /// number shown, a file downloaded) are written in batches after the answer (AuditWriter). Null when none came.
    /// </summary>
    public async Task<AuditEntry?> AuditEntryAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        for (var i = 0; i < 50; i++, await Task.Delay(100))
            if (await WithDbAsync(db => db.Audit.AsNoTracking().Where(where).OrderByDescending(a => a.Id).FirstOrDefaultAsync()) is { } entry)
                return entry;
        return null;
    }

    /// <summary>
    /// A client without cookies of any account; redirects are returned, not followed. Each comes from an address of
    /// its own (<paramref name="source"/> or the next of 198.18.0.0/15, the benchmarking range), as people sign in from
    /// their own machines: the sign-in gate counts failures per address (X-Forwarded-For, believed in-process).
    /// </summary>
    public HttpClient Anonymous(string? source = null)
    {
        var client = Started().CreateClient(ClientOptions);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", source ?? NextSource());
        return client;
    }

    private int _sources;

    private string NextSource()
    {
        var n = Interlocked.Increment(ref _sources);
        return $"198.{18 + (n >> 16 & 1)}.{n >> 8 & 255}.{n & 255}";
    }

    /// <summary>Like <see cref="Anonymous"/>, its requests made over HTTPS.</summary>
    public HttpClient AnonymousOverHttps() => Started().CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

    /// <summary>One request built by hand (the connection's remote address among what it may set).</summary>
    public Task<HttpContext> SendAsync(Action<HttpContext> configure) => Started().Server.SendAsync(configure);

    /// <summary>Signs in through the real login form (antiforgery included) and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoPassword) =>
        (await SignInWithCookieAsync(userName, password)).Client;

    /// <summary>Like <see cref="SignInAsync"/>, from <paramref name="source"/>.</summary>
    public async Task<HttpClient> SignInFromAsync(string source, string userName, string password = DemoPassword) =>
        (await SignInWithCookieAsync(userName, password, source)).Client;

    /// <summary>Signs in like <see cref="SignInAsync"/>; also returns the auth cookie's value, as a copy of it would hold it.</summary>
    public async Task<(HttpClient Client, string AuthCookie)> SignInWithCookieAsync(string userName, string password = DemoPassword, string? source = null) =>
        await TwoFactorSessions.StampOfAsync(this, userName) is { } stamp
            ? await SignInWithTwoFactorsAsync(userName, password, source, stamp)
            : await SignInWithPasswordAsync(userName, password, source);

    private readonly TwoFactorSessions _twoFactor = new();

    /// <summary>
    /// An account with two factors signs in through both forms once, with the code its authenticator key makes now.
    /// A code is good once (the server keeps the last time step used), and tests sign the demo's city in hundreds of
    /// times in a few minutes: later sign-ins with the same password get the same session, as a second tab would,
    /// for as long as the account's security stamp has not moved (a sign-out, a reset end it: the next one signs in again).
    /// </summary>
    private async Task<(HttpClient Client, string AuthCookie)> SignInWithTwoFactorsAsync(string userName, string password, string? source, string stamp)
    {
        var gate = _twoFactor.GateOf(userName);
        await gate.WaitAsync();
        try
        {
            if (_twoFactor.Kept(userName, password, stamp) is { } kept) return (WithCookieJar(kept, source), kept);
            var (client, response) = await PostLoginAsync(userName, password, source);
            using (response)
            {
                if (response.Headers.Location?.OriginalString.StartsWith("/Account/SignInCode", StringComparison.OrdinalIgnoreCase) != true)
                    throw new InvalidOperationException($"Sign-in as {userName} did not ask for the code: {(int)response.StatusCode} {response.Headers.Location}.");
            }
            var code = await TwoFactorCodeAsync(userName);
            using var answer = await client.PostFormAsync("/Account/SignInCode", "/Account/SignInCode", new Dictionary<string, string> { ["Input.Code"] = code });
            var cookie = AuthCookieOf(answer) ?? throw new InvalidOperationException(
                $"The code step for {userName} failed: {(int)answer.StatusCode}. Page says: {Squash(Html.Parse(await answer.Content.ReadAsStringAsync()).Body?.TextContent ?? "", 400)}");
            _twoFactor.Keep(userName, password, (await TwoFactorSessions.StampOfAsync(this, userName))!, cookie);
            return (client, cookie);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The code <paramref name="userName"/>'s authenticator shows now, made from the key in the database, as the phone
    /// makes it; when this time step's code was used already, waits for the next one (the server takes each once).
    /// </summary>
    public async Task<string> TwoFactorCodeAsync(string userName)
    {
        var (key, lastStep) = await TwoFactorSessions.KeyOfAsync(this, userName);
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var step = new DateTimeOffset(now).ToUnixTimeSeconds() / 30;
        if (lastStep >= step)
        {
            var next = DateTimeOffset.FromUnixTimeSeconds((lastStep.Value + 1) * 30).UtcDateTime;
            await Task.Delay(next - now + TimeSpan.FromMilliseconds(50));
            now = next.AddMilliseconds(50);
        }
        return totp.ComputeTotp(now);
    }

    /// <summary>A client holding exactly <paramref name="authCookie"/> in a cookie jar of its own (it keeps what it is sent).</summary>
    private HttpClient WithCookieJar(string authCookie, string? source)
    {
        var jar = new System.Net.CookieContainer();
        jar.Add(new Uri("http://localhost"), new System.Net.Cookie(AuthCookieName, authCookie));
        var client = Started().CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        client.DefaultRequestHeaders.Add("X-Forwarded-For", source ?? NextSource());
        return client;
    }

    /// <summary>Posts the sign-in form from a new client (<see cref="Anonymous"/>); the answer is the caller's to read and dispose.</summary>
    internal async Task<(HttpClient Client, HttpResponseMessage Response)> PostLoginAsync(string userName, string password, string? source = null)
    {
        var client = Anonymous(source);
        using var form = await client.GetAsync("/Account/Login");
        var html = await form.Content.ReadAsStringAsync();
        if (form.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET /Account/Login answered {(int)form.StatusCode}.");
        var document = Html.Parse(html);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("/Account/Login has no antiforgery token (__RequestVerificationToken).");

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        return (client, response);
    }

    private async Task<(HttpClient Client, string AuthCookie)> SignInWithPasswordAsync(string userName, string password, string? source)
    {
        var (client, response) = await PostLoginAsync(userName, password, source);
        using var _ = response;
        var authCookie = AuthCookieOf(response);
        if (authCookie is null)
        {
            var body = Html.Parse(await response.Content.ReadAsStringAsync()).Body?.TextContent ?? "";
            throw new InvalidOperationException(
                $"Sign-in as {userName} failed: {(int)response.StatusCode}, no auth cookie. Page says: {Squash(body, 400)}");
        }
        return (client, authCookie);
    }

    /// <summary>The value of the auth cookie a response sets; null when it sets none or deletes it.</summary>
    public static string? AuthCookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(AuthCookieName + "=", StringComparison.Ordinal))
                .Select(c => c[(AuthCookieName.Length + 1)..].Split(';')[0])
                .LastOrDefault(v => v.Length > 0)
            : null;

    /// <summary>A client that sends exactly this auth cookie with every request and keeps nothing it is sent.</summary>
    public HttpClient WithAuthCookie(string authCookie)
    {
        var client = Started().CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{AuthCookieName}={authCookie}");
        return client;
    }

    public const string AuthCookieName = "training.auth";

    private static readonly WebApplicationFactoryClientOptions ClientOptions = new()
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    };

    private Factory Started() => _factory ?? throw new InvalidOperationException("AppFixture is not started.");

    private static string Squash(string text, int max)
    {
        var s = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= max ? s : s[..max] + "…";
    }

    private sealed class Factory(string folder, ErrorLog errors) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // UseSetting (host configuration) is visible to Program before Build(), where the
            // provider and connection string are read; ConfigureAppConfiguration would come too late.
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Training", $"Data Source={Path.Combine(folder, "training.db")}");
            builder.UseSetting("Hangfire:SqliteFile", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Exports:Folder", Path.Combine(folder, "exports"));
            builder.UseSetting("Media:Folder", Path.Combine(folder, "media"));
            builder.UseSetting("Keys:Folder", Path.Combine(folder, "keys"));
            builder.UseSetting("Personal:Key", TestDatabases.PersonalKey);
            // The tests look at the learning report's stale rows; the minute's warming would race them.
            builder.UseSetting(LearningFiguresJob.WarmSetting, "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            builder.ConfigureLogging(logging =>
            {
                logging.AddProvider(errors);
                Shared.LogFile.AddTo(logging, "tests");
            });
        }
    }
}

/// <summary>One app for every test class that talks HTTP or reads the database.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>HTML helpers over AngleSharp.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        Parse(await response.Content.ReadAsStringAsync());
}
