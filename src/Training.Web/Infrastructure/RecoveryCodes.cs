using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Training.Core.Identity;

namespace Training.Web.Infrastructure;

/// <summary>
/// Ten one-use codes for a lost phone, shown once when made. Identity keeps recovery codes as typed; these are kept as
/// SHA-256 hashes instead (a code has 50 random bits: a hash is enough), so that a copy of the database signs nobody in.
/// Redeeming passes the hash of what was typed to Identity, which compares it with the stored ones and strikes it out.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>No 0/o, 1/l/i: read off paper by a 60-year-old.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Makes new codes for <paramref name="user"/>, replacing any left, and returns them to be shown once.</summary>
    public static async Task<IReadOnlyList<string>> ReplaceAsync(UserManager<AppUser> users, IUserStore<AppUser> store, AppUser user, CancellationToken ct)
    {
        var codes = Enumerable.Range(0, Count).Select(_ => New()).ToList();
        await ((IUserTwoFactorRecoveryCodeStore<AppUser>)store).ReplaceCodesAsync(user, codes.Select(Hash), ct);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Description)));
        return codes;
    }

    /// <summary>What is kept of a code, and what a typed one is compared as: lower case, without spaces and dashes.</summary>
    public static string Hash(string typed)
    {
        var normal = string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToLowerInvariant();
        return Digest.Sha256Hex(normal);
    }

    private static string New()
    {
        Span<char> chars = stackalloc char[11];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
