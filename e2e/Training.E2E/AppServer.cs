using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Training.Core.Data;

namespace Training.E2E;

/// <summary>
/// The real app on a real port (Kestrel, not TestServer) over a fresh SQLite file, with the
/// demo data it loads itself in Development, and one headless Chromium for every journey.
/// Deliberately a copy of the test project's fixture rather than a reference to it.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string DemoPassword = "Gz-Cadre-2019";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "training-e2e-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("AppServer is not started.");

    /// <summary>E2E_SCREENSHOTS when set (test.sh puts them beside the TRX files), else screenshots/ in the test output.</summary>
    public string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("E2E_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        _factory = new Factory(_folder);
        _factory.UseKestrel(0);
        // Builds and starts the host: migrations and demo data run before the port opens.
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = address.Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1").Replace("://+", "://127.0.0.1").TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-quic",
                // A learner taps ▶ on the phone; the journey starts the video from a script instead.
                "--autoplay-policy=no-user-gesture-required",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    public async Task<T> WithDbAsync<T>(Func<TrainingDbContext, Task<T>> f)
    {
        await using var scope = (_factory ?? throw new InvalidOperationException("AppServer is not started.")).Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<TrainingDbContext>());
    }

    /// <summary>
    /// A fresh browser context (its own cookies) pointed at the app. Every page of it reports what the
    /// Content-Security-Policy blocked (the browser's securitypolicyviolation event, passed on through the console) to
    /// <see cref="TakeCspViolations"/>: issue 16 §8 wants none across every journey.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl;
        options.Locale ??= "zh-CN";
        var context = await Browser.NewContextAsync(options);
        await context.AddInitScriptAsync(CspProbe);
        context.Page += (_, page) => page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(CspPrefix, StringComparison.Ordinal)) _cspViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return context;
    }

    private const string CspPrefix = "CSP violation:";

    private const string CspProbe = """
        document.addEventListener('securitypolicyviolation', e => console.error(
          'CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _cspViolations = new();

    /// <summary>What the policy blocked since the last call, in any page of any context.</summary>
    public IReadOnlyList<string> TakeCspViolations()
    {
        var taken = new List<string>();
        while (_cspViolations.TryDequeue(out var one)) taken.Add(one);
        return taken;
    }

    private sealed class Factory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Training", $"Data Source={Path.Combine(folder, "training.db")}");
            builder.UseSetting("Hangfire:SqliteFile", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Exports:Folder", Path.Combine(folder, "exports"));
            builder.UseSetting("Media:Folder", Path.Combine(folder, "media"));
            builder.UseSetting("Keys:Folder", Path.Combine(folder, "keys"));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            builder.ConfigureLogging(logging => Training.Tests.Shared.LogFile.AddTo(logging, "e2e"));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppServerCollection : ICollectionFixture<AppServer>
{
    public const string Name = "app-server";
}
