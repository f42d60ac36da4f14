using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Training.Bench.Mixed;

/// <summary>
/// One person's browser: its own cookies and its own connection, one request at a time. Posts a form the way the
/// page drew it (<see cref="HtmlForm"/>: its hidden fields and antiforgery token), follows a redirect with a GET as a
/// browser does, and logs every request under the step it belongs to.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient http;
    private readonly CookieContainer jar = new();
    public string Role { get; }
    /// <summary>Where requests are logged: the preparation (sign-in, registration) apart from the timed run.</summary>
    public StepLog Log { get; set; }
    /// <summary>No request starts after this moment: <see cref="TimeUp"/> ends the role's loop instead.</summary>
    public DateTime Deadline { get; set; } = DateTime.MaxValue;
    /// <summary>The status the last form's POST answered (before its redirect was followed).</summary>
    public int LastPostStatus { get; private set; }

    public sealed class TimeUp : Exception;

    public Browser(Uri baseAddress, StepLog log, string role)
    {
        Log = log;
        Role = role;
        http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = jar,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public sealed record Answer(int Status, string Html, string? Location);

    /// <summary>Holds the cookies <paramref name="other"/> holds (its session): another tab of the same account.</summary>
    public void ShareSessionOf(Browser other) => jar.Add(other.jar.GetAllCookies());

    private bool goneIsConflict;

    /// <summary>
    /// Until disposed, a 404 counts with the 409s: the requests act on reserve recommendations, and of two recommending
    /// one person at once the later is taken back (WorkflowStep.CreateAsync) — a township may have listed it a moment
    /// before. "Not found" is then the portal's right answer, as 409 is for a record changed since the page was drawn.
    /// </summary>
    public IDisposable OnRecordsThatMayBeGone()
    {
        goneIsConflict = true;
        return new Until(() => goneIsConflict = false);
    }

    private sealed class Until(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    /// <summary>The path of the last page this browser GOT (after a redirect: where it led).</summary>
    public string? LastPath { get; private set; }

    public Task<Answer> GetAsync(string path, string? step = null)
    {
        LastPath = path;
        return SendAsync(step ?? $"GET {Pattern(path)} ({Role})", false, () => new HttpRequestMessage(HttpMethod.Get, path));
    }

    /// <summary>The first form of the page whose action contains <paramref name="actionPart"/>; a form without an action posts to the page it is on.</summary>
    public HtmlForm? Form(string html, string actionPart) => HtmlForm.Find(html, actionPart, LastPath);

    /// <summary>Posts the form (its fields, then <paramref name="set"/> replacing or adding any), and GETs where a redirect points.</summary>
    public async Task<Answer> SubmitAsync(HtmlForm form, string step, params (string Name, string Value)[] set)
    {
        var fields = form.With(set);
        var answer = await SendAsync($"POST {step}", true, () => new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(fields) });
        LastPostStatus = answer.Status;
        return answer.Location is { } to && answer.Status is 301 or 302 or 303 ? await GetAsync(to) : answer;
    }

    /// <summary>A script's POST (the lesson player's heartbeat): the token in a header, as the page's script sends it.</summary>
    public Task<Answer> PostScriptAsync(string path, string step, string token, params (string Name, string Value)[] fields) =>
        SendAsync($"POST {step}", true, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
            };
            request.Headers.Add("RequestVerificationToken", token);
            return request;
        });

    private async Task<Answer> SendAsync(string step, bool isPost, Func<HttpRequestMessage> request)
    {
        if (DateTime.UtcNow >= Deadline) throw new TimeUp();
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request());
            var html = await response.Content.ReadAsStringAsync();
            Log.Add(step, isPost, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, goneIsConflict);
            return new Answer((int)response.StatusCode, html, response.Headers.Location?.OriginalString);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Log.Add(step, isPost, clock.Elapsed.TotalMilliseconds, 0);
            return new Answer(0, "", null);
        }
    }

    /// <summary>Ids and query strings out of a path, so that the log groups a page's requests: /Apply/Details/12 → /Apply/Details/{id}.</summary>
    private static string Pattern(string path) => Number().Replace(path.Split('?')[0], "/{id}");

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Number();

    public void Dispose() => http.Dispose();
}
