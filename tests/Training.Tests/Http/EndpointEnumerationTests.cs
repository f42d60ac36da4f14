using System.Net;
using System.Text.RegularExpressions;
using Training.Tests.Infrastructure;
using Xunit.Abstractions;
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
public sealed partial class EndpointEnumerationTests(AppFixture app, ITestOutputHelper output)
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

    /// <summary>
    /// Whose links another unit replays: a unit of the same level elsewhere, or one above another village. (A trainee's
    /// own records against another trainee's: the demo has one trainee; ApplyTests, Certificates/DownloadTests and
    /// Study/QuizTests open another's.)
    /// </summary>
    public static readonly TheoryData<string, string> OtherUnits = new()
    {
        { "district-440111", "district-440103" },
        { "district-440103", "district-440111" },
        { "township-440111103", "township-440103001" },
        { "township-440103001", "township-440111103" },
        { "village-440111103201", "township-440103001" },
        { "school-1", "district-440103" },
    };

    /// <summary>
    /// Ids of another unit, for every endpoint that takes one, without a table of which id is whose: the first account
    /// walks its pages and keeps every link that carries an id (a route value, or a query value named like one); the
    /// second, of another unit, opens each — it must be refused unless its own pages offer it the same link (a city
    /// course both districts study, say): its walk met the link, or the page the first account found it on, opened by
    /// the second, links to it too (the walk opens three records of a kind; a city class may be the fourth). That page,
    /// if it has an id, is replayed the same way, so the chain ends at a page the second account sees as its own. A new
    /// page joins as soon as a page links to it.
    /// </summary>
    [Theory]
    [MemberData(nameof(OtherUnits))]
    public async Task Should_refuse_the_ids_of_another_unit_on_every_endpoint_that_takes_one(string owner, string other)
    {
        var ownerClient = await app.SignInAsync(owner);
        var otherClient = await app.SignInAsync(other);
        var (ownLinks, _) = await LinksWithIdsAsync(ownerClient);
        var (_, offeredToOther) = await LinksWithIdsAsync(otherClient);
        var failures = new List<string>();

        var offered = offeredToOther.Select(IdsOnly).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var replayed = ownLinks.Where(l => !offered.Contains(IdsOnly(l.Key))).ToList();
        foreach (var (url, foundOn) in replayed)
        {
            using var response = await otherClient.GetAsync(url);
            if (Answer(response) == Refusal.None && !await LinksToAsync(otherClient, foundOn, url))
                failures.Add($"{other} 打开 {owner} 在 {foundOn} 上的 {url}：应拒绝（401/403/404），实际 {Describe(response)}");
        }

        output.WriteLine($"{owner} 的 {ownLinks.Count} 个带编号的链接中，{replayed.Count} 个不在 {other} 的页面上，由 {other} 打开。");
        Assert.True(ownLinks.Count >= 3, $"{owner} 的页面上只找到 {ownLinks.Count} 个带编号的链接：巡检没有走到记录页面。");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private const int MaxPagesPerAccount = 250;

    /// <summary>The links with an id the walk opened (a few of each shape) with the page each was found on, and every link its pages offered.</summary>
    private async Task<(Dictionary<string, string> Opened, HashSet<string> Offered)> LinksWithIdsAsync(HttpClient client)
    {
        var walk = new LinkWalk(pagesOnly: false);
        walk.Enqueue("/");
        foreach (var endpoint in await AppEndpoints.AllAsync(app.Services))
            if (endpoint is { Method: "GET", Handler: null, HasRouteValues: false }) walk.Enqueue(endpoint.Route);
        var (opened, offered) = (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        var foundOn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (walk.Next() is { } url && walk.Visited <= MaxPagesPerAccount)
        {
            if (CarriesId(url)) opened[url] = foundOn.GetValueOrDefault(url, "/");
            using var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = await response.ReadHtmlAsync();
            foreach (var link in Links(page))
            {
                offered.Add(link);
                foundOn.TryAdd(link, url);
                walk.Enqueue(link);
            }
        }
        return (opened, offered);
    }

    private static IEnumerable<string> Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("a[href], [hx-get]").Select(e => (e.GetAttribute("href") ?? e.GetAttribute("hx-get")!).Split('#')[0]);

    /// <summary>Whether <paramref name="page"/>, as this account sees it, links to <paramref name="url"/> (ids compared).</summary>
    private static async Task<bool> LinksToAsync(HttpClient client, string page, string url)
    {
        using var response = await client.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") return false;
        return Links(await response.ReadHtmlAsync()).Any(l => string.Equals(IdsOnly(l), IdsOnly(url), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The link without what is not an id (a page number, a tab): /Learning/Assignments/Details/4?p=2 → …/Details/4.</summary>
    private static string IdsOnly(string url)
    {
        var parts = url.Split('?', 2);
        var ids = parts.Length > 1 ? parts[1].Split('&').Where(q => IdInQuery().IsMatch("?" + q)).Order(StringComparer.Ordinal).ToList() : [];
        return ids.Count == 0 ? parts[0] : parts[0] + "?" + string.Join("&", ids);
    }

    /// <summary>A number as a path segment, or as a query value whose name says it is an id (id, personId, unit, township…).</summary>
    private static bool CarriesId(string url) => IdInPath().IsMatch(url.Split('?')[0]) || IdInQuery().IsMatch(url);

    [GeneratedRegex(@"/\d+(/|$)")]
    private static partial Regex IdInPath();

    [GeneratedRegex(@"[?&]([A-Za-z]*Id|id|unit|township|village|district|assignment|job)=\d+", RegexOptions.IgnoreCase)]
    private static partial Regex IdInQuery();

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoints.Endpoint endpoint, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url());
        if (endpoint.Method != "GET" && endpoint.Method != "HEAD")
            request.Content = new FormUrlEncodedContent(token is null ? [] : [new("__RequestVerificationToken", token)]);
        return await client.SendAsync(request);
    }

    private enum Refusal { None, Challenged, Denied, NotFound }

    /// <summary>The page walk's reading of an answer (the sign-in or denied page is a refusal too), and 404.</summary>
    private static Refusal Answer(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotFound ? Refusal.NotFound : Classify(response).Kind switch
        {
            OutcomeKind.Challenged => Refusal.Challenged,
            OutcomeKind.Denied => Refusal.Denied,
            _ => Refusal.None,
        };

    private static string Describe(HttpResponseMessage response) => Classify(response).ToString();

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
