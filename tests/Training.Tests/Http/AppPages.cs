using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Identity;
using Training.Web.Infrastructure.Modules;
using static Training.Tests.Http.PageWalkTests;

namespace Training.Tests.Http;

/// <summary>
/// The app's Razor Pages as the running app maps them (routes, who may open them, their POST
/// handlers): read from the app, never listed by hand, for the page walk and the input fuzz.
/// </summary>
public static partial class AppPages
{
    /// <summary>One page: its route as "/Persons/Details/{id}" and the endpoint that serves it.</summary>
    public sealed record Page(string Route, RouteEndpoint Endpoint)
    {
        public PageActionDescriptor Descriptor => Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
    }

    /// <summary>Every Razor Page's route, as "/Persons/Details/{id}": one per page (the shortest of its routes).</summary>
    public static IReadOnlyList<string> Routes(IServiceProvider services) =>
        Pages(services).Select(p => p.Route).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every Razor Page once (the shortest of its routes).</summary>
    public static IReadOnlyList<Page> Pages(IServiceProvider services) =>
        Endpoints(services)
            .GroupBy(p => p.Descriptor.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.Endpoint.RoutePattern.RawText?.Length ?? 0).First())
            .ToList();

    /// <summary>The names of the page's POST handlers ("" for OnPost), read from the compiled page.</summary>
    public static async Task<IReadOnlyList<string>> PostHandlersAsync(IServiceProvider services, Page page)
    {
        var compiled = await services.GetRequiredService<PageLoader>().LoadAsync(page.Descriptor, page.Endpoint.Metadata);
        return compiled.HandlerMethods
            .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Name ?? "")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Who may open a page, read from the app itself: the roles holding the permission its
    /// <c>[Authorize(Policy = …)]</c> names; everyone for <c>[AllowAnonymous]</c>; every signed-in
    /// account when it names none (the fallback policy).
    /// </summary>
    public static Who AllowedByPermission(IServiceProvider services, string route)
    {
        var endpoint = Endpoints(services).FirstOrDefault(e => e.Route.Equals(route, StringComparison.OrdinalIgnoreCase))?.Endpoint
            ?? throw new InvalidOperationException($"No page at {route}.");
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Who.Everyone;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
        if (policies.Count == 0) return Who.SignedIn;
        var catalog = services.GetRequiredService<ModuleCatalog>();
        // Several [Authorize] attributes must all pass: the roles common to every permission.
        return policies.Select(p => catalog.Permission(p).Roles.Aggregate(Who.None, (who, role) => who | WhoOfRole(role)))
            .Aggregate((a, b) => a & b);
    }

    private static Who WhoOfRole(string role) => role switch
    {
        Roles.Trainee => Who.Trainee,
        Roles.VillageStaff => Who.Village,
        Roles.TownshipStaff => Who.Township,
        Roles.DistrictStaff => Who.District,
        Roles.CityAdmin => Who.City,
        Roles.SchoolRegistrar => Who.School,
        Roles.SystemAdmin => Who.SystemAdmin,
        Roles.SecurityAuditor => Who.Auditor,
        _ => throw new ArgumentException($"Unknown role {role}."),
    };

    private static IEnumerable<Page> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => new Page(NormaliseRoute(e.RoutePattern.RawText ?? ""), e));

    /// <summary>"Persons/Details/{id:int}" → "/Persons/Details/{id}"; optional segments such as "{handler?}" are dropped.</summary>
    public static string NormaliseRoute(string raw)
    {
        var route = OptionalSegment().Replace(raw, "");
        route = Parameter().Replace(route, m => "{" + m.Groups[1].Value + "}");
        return "/" + route.Trim('/');
    }

    /// <summary>The page route a path such as "/Classes/Details/12" answers to ("/Classes/Details/{id}"), or null.</summary>
    public static string? RouteOf(IEnumerable<string> routes, string path) =>
        routes.Where(r => RouteRegex(r).IsMatch(path)).OrderBy(r => r.Contains('{')).ThenByDescending(r => r.Length).FirstOrDefault();

    private static Regex RouteRegex(string route) =>
        new("^" + string.Join("/", route.Split('/').Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "/?$",
            RegexOptions.IgnoreCase);

    [GeneratedRegex(@"/?\{[^}]*\?\}")]
    private static partial Regex OptionalSegment();

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
