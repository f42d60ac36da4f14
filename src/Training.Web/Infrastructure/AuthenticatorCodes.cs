using Microsoft.AspNetCore.Identity;
using OtpNet;
using Training.Core.Identity;

namespace Training.Web.Infrastructure;

/// <summary>
/// The second factor (issue 16 §2, 等保 8.1.4.1 d): a 6-digit code from an authenticator app (RFC 6238, 30 s, SHA-1,
/// as every app reads a QR code), checked with Otp.NET against the account's key. It replaces Identity's own
/// authenticator provider for one reason: a code is good once. The time step of the last accepted code is kept on the
/// account, a code of that step or an earlier one is refused (ASVS 2.8.4), and two requests racing with the same code
/// meet at the account's concurrency stamp, where only one saves.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    /// <summary>Identity's name for the authenticator provider (the value of <see cref="TokenOptions.DefaultAuthenticatorProvider"/>).</summary>
    public const string Name = "Authenticator";

    public const int Digits = 6;

    /// <summary>One step either side: a phone's clock a little off, or a code typed as it turned over.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var code = Normalize(token);
        if (code is null || await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key), totpSize: Digits);
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Window)) return false;
        if (user.LastTotpStep >= step) return false;
        user.LastTotpStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    /// <summary>
    /// A lost or changed phone: two factors off, a new key nobody has seen, no recovery code left. The security stamp
    /// moves, so every session of the account ends (the caller refreshes its own where it goes on).
    /// </summary>
    public static async Task ForgetPhoneAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, CancellationToken ct)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, [], ct);
        await users.UpdateAsync(user);
    }

    /// <summary>The code as typed, spaces and dashes taken out; null unless it is 6 digits.</summary>
    public static string? Normalize(string? typed)
    {
        var code = string.Concat((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
        return code.Length == Digits && code.All(char.IsAsciiDigit) ? code : null;
    }

    /// <summary>What an authenticator app reads from the QR code (Key Uri Format).</summary>
    public static string KeyUri(string issuer, string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}&period=30";
}
