using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Tests.Http;

/// <summary>
/// Every endpoint the running app answers, read from its routing table: each Razor Page with each of its handlers
/// (GET fragments and downloads are named handlers too, e.g. <c>GET /Persons?Rows</c>), and every other route
/// (health, the Hangfire dashboard). Nothing is listed by hand: a new page, handler or route is here on its first build.
/// </summary>
public static class AppEndpoints
{
    /// <param name="Handler">The page handler's name (<c>OnPostEnrol</c> → "Enrol"); null for the unnamed one and for non-page routes.</param>
    public sealed record Endpoint(string Method, string Route, string? Handler)
    {
        /// <summary>As the allow-list names it: "POST /Classes/Details/{id}?Enrol".</summary>
        public string Key => Handler is null ? $"{Method} {Route}" : $"{Method} {Route}?{Handler}";

        public bool HasRouteValues => Route.Contains('{');

        /// <summary>The URL to call, every route value <paramref name="value"/> (a catch-all: empty).</summary>
        public string Url(string value = "1")
        {
            var path = string.Join("/", Route.Split('/').Select(s => s switch
            {
                ['{', '*', ..] => "",
                ['{', ..] => value,
                _ => s,
            })).TrimEnd('/');
            if (path.Length == 0) path = "/";
            return Handler is null ? path : $"{path}?handler={Handler}";
        }
    }

    public static async Task<IReadOnlyList<Endpoint>> AllAsync(IServiceProvider services)
    {
        var endpoints = new List<Endpoint>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var page in AppPages.Pages(services))
        {
            var compiled = await loader.LoadAsync(page.Descriptor, page.Endpoint.Metadata);
            // A page without OnGet still answers GET (it renders itself).
            endpoints.Add(new Endpoint("GET", page.Route, null));
            endpoints.AddRange(compiled.HandlerMethods.Select(h => new Endpoint(h.HttpMethod.ToUpperInvariant(), page.Route, string.IsNullOrEmpty(h.Name) ? null : h.Name)));
        }
        foreach (var route in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null))
        {
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET", "POST"];
            endpoints.AddRange(methods.Select(m => new Endpoint(m.ToUpperInvariant(), CatchAllKept(route.RoutePattern.RawText ?? ""), null)));
        }
        return endpoints.DistinctBy(e => e.Key, StringComparer.OrdinalIgnoreCase).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>"/hangfire/{**path}" stays as it is (its Url is the dashboard's root); other routes as the page walk names them.</summary>
    private static string CatchAllKept(string raw) =>
        raw.Contains("{**", StringComparison.Ordinal) ? "/" + raw.Trim('/') : AppPages.NormaliseRoute(raw);
}
