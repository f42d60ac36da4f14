namespace Training.Web.Infrastructure;

/// <summary>
/// A strict Content-Security-Policy (no inline script or style anywhere), and no caching of
/// pages: they hold personal data, and a shared phone must not show them from its cache.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard (a maintenance page for the city) draws its bars with style attributes; its scripts are files.</summary>
    private const string DashboardCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Marks a response (a lesson's video or PDF, which never changes under its name) as one the
    /// browser may keep, so that a phone seeking in a video asks for ranges instead of the whole file
    /// again; it stays private, never in a shared cache.
    /// </summary>
    public static void AllowPrivateCaching(HttpContext context, TimeSpan maxAge)
    {
        context.Items[CacheableKey] = true;
        context.Response.Headers.CacheControl = $"private, max-age={(int)maxAge.TotalSeconds}";
    }

    private static readonly object CacheableKey = new();

    private static bool Cacheable(HttpContext context) => context.Items.ContainsKey(CacheableKey);

    public Task Invoke(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-Content-Type-Options"] = "nosniff";
            h["Referrer-Policy"] = "same-origin";
            h["X-Frame-Options"] = "DENY";
            h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? DashboardCsp : Csp;
            if (!context.Request.Path.StartsWithSegments("/lib") && !context.Request.Path.StartsWithSegments("/css")
                && !context.Request.Path.StartsWithSegments("/js") && !context.Request.Path.StartsWithSegments("/favicon.ico")
                && !Cacheable(context))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
