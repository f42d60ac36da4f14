namespace Training.Web.Infrastructure;

/// <summary>How long a session may live: idle, and at most from its sign-in.</summary>
public static class SessionLifetime
{
    /// <summary>Sliding: every request within it extends the cookie.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    /// <summary>However busy, a session ends this long after its sign-in (a cookie kept alive by a script or a thief ends too).</summary>
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);
}
