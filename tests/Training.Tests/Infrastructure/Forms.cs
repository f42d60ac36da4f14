using System.Net;

namespace Training.Tests.Infrastructure;

/// <summary>Posts a form the way a browser does: the antiforgery token is taken from the page that shows the form.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        using var page = await client.GetAsync(pageUrl);
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {pageUrl} answered {(int)page.StatusCode}.");
        var token = (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>The antiforgery token of the page at <paramref name="url"/>, as a browser would send it back.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string url = "/")
    {
        using var page = await client.GetAsync(url);
        return (await page.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
               ?? throw new InvalidOperationException($"{url} has no antiforgery token.");
    }

    /// <summary>A GET as htmx sends it (<c>HX-Request</c>, and <c>HX-Target</c> when given): what a pager or filter asks for.</summary>
    public static async Task<HttpResponseMessage> GetAsHtmxAsync(this HttpClient client, string url, string? target = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        if (target is not null) request.Headers.Add("HX-Target", target);
        return await client.SendAsync(request);
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        (await response.ReadHtmlAsync()).Body?.TextContent ?? "";
}
