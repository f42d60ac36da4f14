using System.Net;

namespace Training.Tests.Infrastructure;

/// <summary>How the app says no, read one way by every test: 无权访问 for a role, the sign-in page for no session.</summary>
public static class Refusals
{
    /// <summary>Refused for the account's role: 403, or the redirect to 无权访问 (/Account/Denied).</summary>
    public static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden || IsRedirectTo(response, "/Account/Denied");

    /// <summary>No (or no longer a) session: the redirect to the sign-in page.</summary>
    public static bool IsSentToLogin(HttpResponseMessage response) => IsRedirectTo(response, "/Account/Login");

    /// <summary>Refused for the role, never a success; with <paramref name="orNotFound"/> a 404 (a record outside the scope) counts too.</summary>
    public static void AssertRefused(HttpResponseMessage response, bool orNotFound = false) =>
        Assert.True(IsRefused(response) || (orNotFound && response.StatusCode == HttpStatusCode.NotFound),
            $"应拒绝，实际 {(int)response.StatusCode} {response.Headers.Location}");

    public static void AssertSentToLogin(HttpResponseMessage response) =>
        Assert.True(IsSentToLogin(response), $"应转到登录页，实际 {(int)response.StatusCode} {response.Headers.Location}");

    private static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        (int)response.StatusCode is >= 300 and < 400
        && response.Headers.Location is { } l
        && string.Equals(l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0], path, StringComparison.OrdinalIgnoreCase);
}
