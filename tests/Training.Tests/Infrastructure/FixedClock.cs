namespace Training.Tests.Infrastructure;

/// <summary>A clock stopped at <paramref name="now"/>, for code that asks the time of day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
