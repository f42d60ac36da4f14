namespace Training.Web.Infrastructure.Web;

/// <summary>
/// Over HTTPS every cookie the portal sets is a <c>__Host-</c> cookie: Secure, Path=/, no Domain, so that neither a
/// sibling subdomain nor a plain-HTTP page can plant or overwrite one (cookie tossing into the sign-in or the
/// antiforgery cookie). The portal names its cookies without the prefix; this renames them at the edge, both ways, and
/// a cookie that arrives over HTTPS without the prefix is not read at all. Over plain HTTP (the embedded default on
/// localhost, where a browser keeps no Secure cookie off localhost) nothing changes.
/// </summary>
public sealed class HostPrefixedCookies(RequestDelegate next)
{
    public const string Prefix = "__Host-";

    public Task Invoke(HttpContext context)
    {
        if (!context.Request.IsHttps) return next(context);
        var cookie = context.Request.Headers.Cookie;
        if (cookie.Count > 0) context.Request.Headers.Cookie = Unprefixed(cookie.ToString());
        context.Response.OnStarting(() =>
        {
            var set = context.Response.Headers.SetCookie;
            if (set.Count > 0) context.Response.Headers.SetCookie = set.Select(c => Prefixed(c!)).ToArray();
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The cookies the browser sent with the prefix, under the names the portal knows; any other is dropped.</summary>
    internal static string Unprefixed(string header) =>
        string.Join("; ", header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(pair => pair[Prefix.Length..]));

    /// <summary>
    /// A Set-Cookie value with the prefix and Secure. A cookie scoped to a path or a domain cannot carry the prefix
    /// (the portal sets none): it stays as it is, Secure.
    /// </summary>
    internal static string Prefixed(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var attributes = parts.Skip(1).ToList();
        if (!attributes.Any(a => a.Equals("secure", StringComparison.OrdinalIgnoreCase))) attributes.Add("secure");
        var scoped = attributes.Any(a => a.StartsWith("domain=", StringComparison.OrdinalIgnoreCase)
                                         || (a.StartsWith("path=", StringComparison.OrdinalIgnoreCase) && !a.Equals("path=/", StringComparison.OrdinalIgnoreCase)));
        var name = parts[0].StartsWith(Prefix, StringComparison.Ordinal) || scoped ? parts[0] : Prefix + parts[0];
        if (!scoped && !attributes.Any(a => a.StartsWith("path=", StringComparison.OrdinalIgnoreCase))) attributes.Add("path=/");
        return string.Join("; ", attributes.Prepend(name));
    }
}
