using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Identity;

namespace Training.Tests.Infrastructure;

/// <summary>The sessions <see cref="AppFixture"/> keeps for accounts with two factors, and what it reads of them.</summary>
internal sealed class TwoFactorSessions
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string, string), (string Stamp, string Cookie)> _kept = new();

    public SemaphoreSlim GateOf(string userName) => _gates.GetOrAdd(userName, _ => new SemaphoreSlim(1, 1));

    public string? Kept(string userName, string password, string stamp) =>
        _kept.TryGetValue((userName.ToUpperInvariant(), password), out var kept) && kept.Stamp == stamp ? kept.Cookie : null;

    public void Keep(string userName, string password, string stamp, string cookie) =>
        _kept[(userName.ToUpperInvariant(), password)] = (stamp, cookie);

    /// <summary>The security stamp of <paramref name="userName"/> when it signs in with two factors; null otherwise (or unknown).</summary>
    public static Task<string?> StampOfAsync(AppFixture app, string userName)
    {
        var normal = userName.Trim().ToUpperInvariant();
        return app.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normal && u.TwoFactorEnabled)
            .Select(u => u.SecurityStamp).SingleOrDefaultAsync());
    }

    public static async Task<(string Key, long? LastStep)> KeyOfAsync(AppFixture app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{userName} has no authenticator key.");
        return (key, user.LastTotpStep);
    }
}
