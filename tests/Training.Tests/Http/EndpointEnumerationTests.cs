using System.Net;
using Training.Tests.Infrastructure;
using static Training.Tests.Http.PageWalkTests;

namespace Training.Tests.Http;

/// <summary>
/// Issue 16 §7: every endpoint of the routing table (<see cref="AppEndpoints"/>: pages, every handler, fragments,
/// downloads, the Hangfire dashboard, health) called as an anonymous visitor and as every demo role. What
/// <c>EndpointAllowList.txt</c> does not grant that role must be refused — 401 / 403 / 404, or the sign-in or denied
/// page — a POST with the role's own antiforgery token, so that the refusal is the portal's and not the token's. A new
/// endpoint is refused to everyone until a line grants it; a line naming an endpoint that is gone fails.
/// Granted POSTs are not sent here (they act): the features' tests send them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EndpointEnumerationTests(AppFixture app)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Who>> AllowList = new(ReadAllowList);

    [Fact]
    public async Task Every_line_of_the_allow_list_names_an_endpoint_of_the_app()
    {
        var endpoints = (await AppEndpoints.AllAsync(app.Services)).Select(e => e.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var stale = AllowList.Value.Keys.Where(k => !endpoints.Contains(k)).ToList();

        Assert.True(stale.Count == 0, "EndpointAllowList.txt 中的这些端点在应用中不存在（已改名或删除，请同步）：\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Should_enumerate_pages_handlers_fragments_downloads_and_the_dashboard()
    {
        var keys = (await AppEndpoints.AllAsync(app.Services)).Select(e => e.Key).ToList();

        Assert.Contains("GET /Persons", keys);
        Assert.Contains("POST /Classes/Details/{id}?Enrol", keys);   // a named POST handler
        Assert.Contains("GET /Exports?Runs", keys);                  // an htmx fragment
        Assert.Contains("GET /Learning/Offline?Template", keys);     // a download handler
        Assert.Contains("GET /hangfire/{**path}", keys);
        Assert.Contains("GET /health/ready", keys);
    }

    [Theory]
    [MemberData(nameof(Accounts), MemberType = typeof(PageWalkTests))]
    public async Task Should_refuse_every_endpoint_the_allow_list_does_not_grant(string account)
    {
        var who = RoleOf(account);
        var client = account == "anonymous" ? app.Anonymous() : await app.SignInAsync(account);
        var token = account == "anonymous" ? null : await client.TokenAsync();
        var failures = new List<string>();

        // Sign-out and the account pages last: if one wrongly ended the session, the lines before it still count.
        foreach (var endpoint in (await AppEndpoints.AllAsync(app.Services)).OrderBy(e => e.Route.StartsWith("/Account", StringComparison.OrdinalIgnoreCase)))
        {
            var granted = AllowList.Value.TryGetValue(endpoint.Key, out var allowed) && allowed.HasFlag(who);
            if (granted && (endpoint.Method != "GET" || endpoint.HasRouteValues)) continue;
            using var response = await SendAsync(client, endpoint, token);
            var answer = Answer(response);
            if (granted)
            {
                // Granted: reached, whatever the page then says of a missing filter. With a made-up id the record's own
                // check may refuse (another district's course): the scope tests judge those.
                var refused = answer == Refusal.Denied || (answer == Refusal.Challenged && !allowed.HasFlag(Who.Anonymous));
                if (refused || (int)response.StatusCode >= 500)
                    failures.Add($"{endpoint.Key} 作为 {account}：准入名单允许，实际 {Describe(response)}");
            }
            else if (answer == Refusal.None)
                failures.Add($"{endpoint.Key} 作为 {account}：不在准入名单上，应拒绝（401/403/404），实际 {Describe(response)}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoints.Endpoint endpoint, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url());
        if (endpoint.Method != "GET" && endpoint.Method != "HEAD")
            request.Content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        return await client.SendAsync(request);
    }

    private enum Refusal { None, Challenged, Denied, NotFound }

    private static Refusal Answer(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) : null;
        return (int)response.StatusCode switch
        {
            401 => Refusal.Challenged,
            403 => Refusal.Denied,
            404 => Refusal.NotFound,
            >= 300 and < 400 when string.Equals(location, "/Account/Login", StringComparison.OrdinalIgnoreCase) => Refusal.Challenged,
            >= 300 and < 400 when string.Equals(location, "/Account/Denied", StringComparison.OrdinalIgnoreCase) => Refusal.Denied,
            _ => Refusal.None,
        };
    }

    private static string Describe(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? $"{(int)response.StatusCode} → {l}" : $"{(int)response.StatusCode}";

    private static Who RoleOf(string account) => account switch
    {
        "anonymous" => Who.Anonymous,
        "city" => Who.City,
        "school-1" => Who.School,
        "trainee-demo" => Who.Trainee,
        "sysadmin" => Who.SystemAdmin,
        "auditor" => Who.Auditor,
        _ when account.StartsWith("district-", StringComparison.Ordinal) => Who.District,
        _ when account.StartsWith("township-", StringComparison.Ordinal) => Who.Township,
        _ when account.StartsWith("village-", StringComparison.Ordinal) => Who.Village,
        _ => throw new ArgumentException($"Unknown demo account {account}."),
    };

    private static IReadOnlyDictionary<string, Who> ReadAllowList()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Http", "EndpointAllowList.txt"));
        var list = new Dictionary<string, Who>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Enum.TryParse<Who>(parts[1], out var who))
                throw new FormatException($"EndpointAllowList.txt: “{line}” should read “METHOD /route[?handler] | who”.");
            if (!list.TryAdd(parts[0], who)) throw new FormatException($"EndpointAllowList.txt names {parts[0]} twice.");
        }
        return list;
    }
}
