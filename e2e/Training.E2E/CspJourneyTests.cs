using Microsoft.Playwright;

namespace Training.E2E;

/// <summary>
/// Zero Content-Security-Policy violations across every journey (issue 16 §8): each journey of this class ends by
/// asking the server's browser what the policy blocked while it ran, and fails on anything.
/// </summary>
public partial class JourneyTests : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        app.TakeCspViolations();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        // The console events of the journey's last page may still be on their way.
        await Task.Delay(200);
        var blocked = app.TakeCspViolations();
        Assert.True(blocked.Count == 0, "内容安全策略（CSP）拦截了页面内容：\n" + string.Join("\n", blocked.Distinct().Take(20)));
    }

    [Fact]
    public async Task The_probe_records_what_the_content_security_policy_blocks()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        // What an XSS would try: a script written into the page. The policy blocks it, and the probe must say so.
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }");
        IReadOnlyList<string> blocked = [];
        for (var i = 0; i < 20 && blocked.Count == 0; i++, await Task.Delay(100)) blocked = app.TakeCspViolations();

        Assert.Contains(blocked, b => b.Contains("script-src", StringComparison.Ordinal));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
    }
}
